package dev.ydmyk.channels.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.approval.Views;
import dev.ydmyk.config.Backoff;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.incidents.IncidentViews;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Posts queued drafts to Slack and updates their messages after decisions, one call at a time and
 * no faster than {@code ydmyk.slack.post-interval} (Slack allows about one message a second per
 * channel). A 429's Retry-After is waited out; other failures are retried with backoff. A message is
 * claimed for a lease while it is sent, so several instances never post the same draft.
 */
@ApplicationScoped
public class SlackPoster {

    private static final Logger LOG = Logger.getLogger(SlackPoster.class);
    /** Longer than any Slack call takes; after a crash mid-call the message is tried again once it passes. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SlackApi slack;
    private final SlackOutbox outbox;
    private final Views views;
    private final IncidentViews incidents;
    private final Credentials credentials;
    private final YdmykConfig config;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public SlackPoster(SlackApi slack, SlackOutbox outbox, Views views, Credentials credentials, YdmykConfig config, Clock clock,
                       IncidentViews incidents) {
        this.incidents = incidents;
        this.slack = slack;
        this.outbox = outbox;
        this.views = views;
        this.credentials = credentials;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent ev) {
        if (!slack.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "slack-poster");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(10_000); // a post in flight finishes before the database goes
        }
    }

    void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                if (sendOne()) {
                    Thread.sleep(config.slack().postInterval().toMillis());
                } else {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // stopping: the lease runs out and the message is sent after the restart
                }
                LOG.warn("Slack poster hit a problem; trying again shortly", e);
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** Sends the next due post or update, if any; true if it called Slack. No transaction is open during the call. */
    boolean sendOne() {
        Optional<SlackOutbox.Due> next = outbox.claimNext(clock.instant(), LEASE);
        if (next.isEmpty()) {
            return false;
        }
        SlackOutbox.Due due = next.get();
        Views.DraftView draft = views.draft(due.draftId());
        String decision = decision(draft);
        String text;
        List<LayoutBlock> blocks;
        if (draft.incidentId() != null) {
            IncidentViews.Detail incident = incidents.detail(draft.incidentId());
            Map<UUID, Views.DraftView> statements = new HashMap<>();
            incident.statements().forEach(st -> statements.put(st.draftId(), views.draft(st.draftId())));
            text = SlackMessages.summary(incident);
            blocks = SlackMessages.incident(incident, incidents.members(incident.id(), 0, 3).complaints(), statements,
                    config.publicUrl() + "/channel");
        } else {
            text = SlackMessages.summary(draft);
            blocks = SlackMessages.draft(draft, decision);
        }
        try {
            if (due.ts() == null) {
                ChatPostMessageResponse r = slack.methods().chatPostMessage(m -> m.channel(due.channel())
                        .text(text).blocks(blocks));
                if (!r.isOk()) {
                    throw new IllegalStateException("chat.postMessage: " + r.getError());
                }
                outbox.done(due, r.getChannel() == null ? due.channel() : r.getChannel(), r.getTs(), clock.instant());
            } else {
                ChatUpdateResponse r = slack.methods().chatUpdate(m -> m.channel(due.channel()).ts(due.ts())
                        .text(text).blocks(blocks));
                if (!r.isOk()) {
                    throw new IllegalStateException("chat.update: " + r.getError());
                }
                outbox.done(due, due.channel(), due.ts(), clock.instant());
            }
        } catch (SlackApiException e) {
            failed(due, e.getResponse().code() == 429 ? retryAfter(e) : backoff(due.attempts()), "HTTP " + e.getResponse().code());
        } catch (Exception e) {
            failed(due, backoff(due.attempts()), e.getMessage());
        }
        return true;
    }

    private void failed(SlackOutbox.Due due, Duration wait, String error) {
        LOG.warnf("Slack message for draft %s failed (%s); next try in %s", due.draftId(), error, wait);
        outbox.failed(due.draftId(), clock.instant().plus(wait), error);
    }

    /** What happened to a decided draft, for its Slack message; null while it waits. */
    String decision(Views.DraftView d) {
        if (d.decidedBy() == null) {
            return null;
        }
        String who = credentials.nameOf(d.decidedBy());
        String when = d.decidedAt() == null ? "" : " at " + HHMM.format(d.decidedAt());
        return switch (d.status()) {
            case APPROVED -> ":white_check_mark: Approved by " + who + when + "; sending";
            case SENT -> ":white_check_mark: Approved by " + who + when + " and sent";
            case REJECTED -> ":x: Rejected by " + who + when + (d.note() == null ? "" : ": " + SlackMessages.escape(d.note()));
            case REDRAFT -> ":arrows_counterclockwise: Redraft asked by " + who + when
                    + (d.note() == null ? "" : ": " + SlackMessages.escape(d.note()));
            default -> null;
        };
    }

    private Duration backoff(int attempts) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)).delay(attempts + 1);
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(header == null ? 1 : Long.parseLong(header.strip()));
        } catch (NumberFormatException ex) {
            return Duration.ofSeconds(1);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
