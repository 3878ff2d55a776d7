package dev.ydmyk.schedule;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.incidents.IncidentChanged;
import dev.ydmyk.incidents.IncidentViews;
import dev.ydmyk.notices.Escalation;
import dev.ydmyk.schedule.EscalationRepository.Waiting;
import dev.ydmyk.storage.BackgroundJob;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches complaints that have no reply yet. Out of hours, a severe one, or one whose reactions
 * grow faster than {@code ydmyk.sla.engagement-per-hour}, pings whoever is on call;
 * in or out of hours, one past its first-response deadline ({@code ydmyk.sla.first-response}) is
 * escalated. Each complaint is escalated once per reason, also with several instances running.
 */
@ApplicationScoped
public class Escalations {

    private static final Logger LOG = Logger.getLogger(Escalations.class);

    private final EscalationRepository repository;
    private final BusinessHours hours;
    private final OnCall onCall;
    private final YdmykConfig config;
    private final Clock clock;
    private final Event<Escalation> escalations;
    private final MeterRegistry metrics;
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();
    private final IncidentViews incidents;

    public Escalations(EscalationRepository repository, BusinessHours hours, OnCall onCall, YdmykConfig config, Clock clock,
                       Event<Escalation> escalations, MeterRegistry metrics, IncidentViews incidents) {
        this.incidents = incidents;
        this.repository = repository;
        this.hours = hours;
        this.onCall = onCall;
        this.config = config;
        this.clock = clock;
        this.escalations = escalations;
        this.metrics = metrics;
        Gauge.builder("ydmyk.complaints.oldest.waiting.seconds", oldestWaitingSeconds, AtomicLong::get)
                .description("Age of the oldest complaint without a sent reply").register(metrics);
    }

    @BackgroundJob
    @Scheduled(every = "${ydmyk.sla.check-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check();
    }

    /** A storm pings whoever is on call once, at any hour (nobody on call: the whole channel). */
    void onIncident(@Observes IncidentChanged change) {
        if (change.change() != IncidentChanged.Change.FORMED) {
            return;
        }
        Instant now = clock.instant();
        IncidentViews.Detail i = incidents.detail(change.incidentId());
        Optional<UUID> anchor = incidents.members(i.id(), 0, 1).complaints().stream().map(IncidentViews.Member::complaintId).findFirst();
        Agent onCallNow = onCall.at(now).orElse(null);
        if (anchor.isEmpty() || !repository.record(anchor.get(), Escalation.Reason.INCIDENT_FORMED.wire, now,
                onCallNow == null ? null : onCallNow.login())) {
            return;
        }
        UUID card = incidents.cardDraft(i.id()).orElse(null);
        LOG.warnf("Incident %s formed (%d complaints)%s", i.id(), i.size(), onCallNow == null ? "" : "; pinging " + onCallNow.name() + ", on call");
        escalations.fire(new Escalation(anchor.get(), card, Escalation.Reason.INCIDENT_FORMED, onCallNow,
                onCallNow == null ? null : onCall.slackUser(onCallNow).orElse(null), "Incident: " + i.title(),
                i.size() + " complaints about the same thing since " + i.firstAt() + "; a public statement waits for approval.",
                i.firstAt(), now, config.publicUrl() + "/channel" + (card == null ? "" : "#draft-" + card)));
    }

    /** Escalates what is due now; returns the escalations made. */
    public List<Escalation> check() {
        Instant now = clock.instant();
        Duration sla = config.sla().firstResponse();
        boolean open = hours.isOpen(now);
        List<Waiting> waiting = repository.waiting(now.minus(Duration.ofDays(7)), now);
        oldestWaitingSeconds.set(waiting.isEmpty() ? 0 : Duration.between(waiting.get(0).received(), now).toSeconds());

        List<Escalation> made = new ArrayList<>();
        Agent onCallAnyHour = onCall.at(now).orElse(null);
        for (Waiting w : waiting) {
            Instant deadline = w.received().plus(sla);
            List<Escalation.Reason> reasons = new ArrayList<>();
            if ("critical".equals(w.severity())) {
                reasons.add(Escalation.Reason.CRITICAL);
            } else if (!open && "high".equals(w.severity())) {
                reasons.add(Escalation.Reason.SEVERE_AFTER_HOURS);
            }
            if (!open && w.growth() >= config.sla().engagementPerHour()) {
                reasons.add(Escalation.Reason.ENGAGEMENT_GROWING);
            }
            if (now.isAfter(deadline)) {
                reasons.add(Escalation.Reason.SLA_BREACH);
            }
            for (Escalation.Reason reason : reasons) {
                Agent onCallNow = open && reason != Escalation.Reason.CRITICAL ? null : onCallAnyHour;
                if (repository.record(w.id(), reason.wire, now, onCallNow == null ? null : onCallNow.login())) {
                    String excerpt = w.text().length() > 200 ? w.text().substring(0, 200) + "…" : w.text();
                    String link = config.publicUrl() + "/channel" + (w.draft() == null ? "" : "#draft-" + w.draft());
                    Escalation e = new Escalation(w.id(), w.draft(), reason, onCallNow,
                            onCallNow == null ? null : onCall.slackUser(onCallNow).orElse(null),
                            w.author(), excerpt, w.received(), deadline, link);
                    made.add(e);
                    if (reason == Escalation.Reason.SLA_BREACH) {
                        metrics.counter("ydmyk.sla.breaches").increment();
                    }
                    LOG.warnf("Escalating complaint %s (%s)%s", w.id(), reason.wire,
                            onCallNow == null ? "" : " to " + onCallNow.name() + ", on call");
                    escalations.fire(e);
                }
            }
        }
        return made;
    }
}
