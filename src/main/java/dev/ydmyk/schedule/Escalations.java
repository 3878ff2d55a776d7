package dev.ydmyk.schedule;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.channels.ApprovalChannel;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.storage.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/**
 * Watches complaints that have no reply yet. Out of hours, a severe one, or one whose reactions
 * grow faster than {@code ydmyk.sla.engagement-per-hour}, pings whoever is on call;
 * in or out of hours, one past its first-response deadline ({@code ydmyk.sla.first-response}) is
 * escalated. Each complaint is escalated once per reason, also with several instances running.
 */
@ApplicationScoped
public class Escalations {

    private static final Logger LOG = Logger.getLogger(Escalations.class);

    private final Database db;
    private final BusinessHours hours;
    private final OnCall onCall;
    private final YdmykConfig config;
    private final Clock clock;
    private final Instance<ApprovalChannel> channels;
    private final MeterRegistry metrics;
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();

    public Escalations(Database db, BusinessHours hours, OnCall onCall, YdmykConfig config, Clock clock,
                       Instance<ApprovalChannel> channels, MeterRegistry metrics) {
        this.db = db;
        this.hours = hours;
        this.onCall = onCall;
        this.config = config;
        this.clock = clock;
        this.channels = channels;
        this.metrics = metrics;
        Gauge.builder("ydmyk.complaints.oldest.waiting.seconds", oldestWaitingSeconds, AtomicLong::get)
                .description("Age of the oldest complaint without a sent reply").register(metrics);
    }

    @Scheduled(every = "${ydmyk.sla.check-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check();
    }

    /** Escalates what is due now; returns the escalations made. */
    public List<Escalation> check() {
        Instant now = clock.instant();
        Duration sla = config.sla().firstResponse();
        boolean open = hours.isOpen(now);
        record Waiting(UUID id, UUID draft, String author, String text, String severity, Instant received, double growth) {
        }
        List<Waiting> waiting = db.read(conn -> {
            List<Waiting> list = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    select c.id, c.author_name, c.text, c.severity, c.received_at, coalesce(c.engagement_per_hour, 0) as growth,
                           (select d.id from draft d where d.complaint_id = c.id and d.status = 'pending'
                            order by d.created_at desc limit 1) as draft_id
                    from complaint c
                    where c.kind = 'complaint' and c.received_at > ? and c.received_at <= ?
                      and not exists (select 1 from reply r where r.complaint_id = c.id and r.sent_at is not null)
                      and not exists (select 1 from holding_reply h where h.complaint_id = c.id and h.sent_at is not null)
                    order by c.received_at""")) {
                ps.setTimestamp(1, ts(now.minus(Duration.ofDays(7))));
                ps.setTimestamp(2, ts(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Waiting(rs.getObject("id", UUID.class), rs.getObject("draft_id", UUID.class),
                                rs.getString("author_name"), rs.getString("text"), rs.getString("severity"),
                                instant(rs.getTimestamp("received_at")), rs.getDouble("growth")));
                    }
                }
            }
            return list;
        });
        oldestWaitingSeconds.set(waiting.isEmpty() ? 0 : Duration.between(waiting.get(0).received(), now).toSeconds());

        List<Escalation> made = new ArrayList<>();
        Agent onCallNow = open ? null : onCall.at(now).orElse(null);
        for (Waiting w : waiting) {
            Instant deadline = w.received().plus(sla);
            List<Escalation.Reason> reasons = new ArrayList<>();
            if (!open && ("high".equals(w.severity()) || "critical".equals(w.severity()))) {
                reasons.add(Escalation.Reason.SEVERE_AFTER_HOURS);
            }
            if (!open && w.growth() >= config.sla().engagementPerHour()) {
                reasons.add(Escalation.Reason.ENGAGEMENT_GROWING);
            }
            if (now.isAfter(deadline)) {
                reasons.add(Escalation.Reason.SLA_BREACH);
            }
            for (Escalation.Reason reason : reasons) {
                if (record(w.id(), reason, now, onCallNow)) {
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
                    for (ApprovalChannel channel : channels) {
                        try {
                            channel.escalate(e);
                        } catch (RuntimeException ex) {
                            LOG.warnf(ex, "Channel %s could not take the escalation", channel.getClass().getSimpleName());
                        }
                    }
                }
            }
        }
        return made;
    }

    private boolean record(UUID complaint, Escalation.Reason reason, Instant now, Agent onCallNow) {
        return db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "insert into escalation (complaint_id, reason, at, on_call) values (?, ?, ?, ?) on conflict do nothing")) {
                ps.setObject(1, complaint);
                ps.setString(2, reason.wire);
                ps.setTimestamp(3, ts(now));
                ps.setString(4, onCallNow == null ? null : onCallNow.login());
                return ps.executeUpdate() == 1;
            }
        });
    }
}
