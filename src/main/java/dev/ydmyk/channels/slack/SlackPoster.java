package dev.ydmyk.channels.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.approval.Views;
import dev.ydmyk.config.Backoff;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.storage.Database;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static dev.ydmyk.storage.Database.ts;

/**
 * Posts queued drafts to Slack and updates their messages after decisions, one call at a time and
 * no faster than {@code ydmyk.slack.post-interval} (Slack allows about one message a second per
 * channel). A 429's Retry-After is waited out; other failures are retried with backoff. The row is
 * locked while it is sent, so several instances never post the same draft.
 */
@ApplicationScoped
public class SlackPoster {

    private static final Logger LOG = Logger.getLogger(SlackPoster.class);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SlackApi slack;
    private final Database db;
    private final Views views;
    private final Credentials credentials;
    private final YdmykConfig config;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public SlackPoster(SlackApi slack, Database db, Views views, Credentials credentials, YdmykConfig config, Clock clock) {
        this.slack = slack;
        this.db = db;
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

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        wake.release();
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
                LOG.warn("Slack poster hit a problem; trying again shortly", e);
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** Sends the next due post or update, if any; true if it called Slack. */
    boolean sendOne() {
        return db.tx(conn -> {
            UUID draftId;
            String channel;
            String ts;
            int attempts;
            try (PreparedStatement ps = conn.prepareStatement("""
                    select draft_id, channel, ts, attempts from slack_message
                    where (ts is null or needs_update) and next_attempt_at <= ?
                    order by created_at limit 1 for update skip locked""")) {
                ps.setTimestamp(1, ts(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    draftId = rs.getObject(1, UUID.class);
                    channel = rs.getString(2);
                    ts = rs.getString(3);
                    attempts = rs.getInt(4);
                }
            }
            Views.DraftView draft = views.draft(draftId);
            String decision = decision(draft);
            try {
                if (ts == null) {
                    ChatPostMessageResponse r = slack.methods().chatPostMessage(m -> m.channel(channel)
                            .text(SlackMessages.summary(draft)).blocks(SlackMessages.draft(draft, decision)));
                    if (!r.isOk()) {
                        throw new IllegalStateException("chat.postMessage: " + r.getError());
                    }
                    done(conn, draftId, r.getChannel() == null ? channel : r.getChannel(), r.getTs());
                } else {
                    ChatUpdateResponse r = slack.methods().chatUpdate(m -> m.channel(channel).ts(ts)
                            .text(SlackMessages.summary(draft)).blocks(SlackMessages.draft(draft, decision)));
                    if (!r.isOk()) {
                        throw new IllegalStateException("chat.update: " + r.getError());
                    }
                    done(conn, draftId, channel, ts);
                }
            } catch (SlackApiException e) {
                Duration wait = e.getResponse().code() == 429 ? retryAfter(e) : backoff(attempts);
                failed(conn, draftId, wait, "HTTP " + e.getResponse().code());
            } catch (Exception e) {
                failed(conn, draftId, backoff(attempts), e.getMessage());
            }
            return true;
        });
    }

    /** What happened to a decided draft, for its Slack message; null while it waits. */
    String decision(Views.DraftView d) {
        if (d.decidedBy() == null) {
            return null;
        }
        String who = credentials.agentByLogin(d.decidedBy()).map(Agent::name).orElse(d.decidedBy());
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

    private void done(Connection conn, UUID draftId, String channel, String ts) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                update slack_message set channel = ?, ts = ?, posted_at = coalesce(posted_at, ?), needs_update = false,
                       attempts = 0, last_error = null where draft_id = ?""")) {
            ps.setString(1, channel);
            ps.setString(2, ts);
            ps.setTimestamp(3, ts(clock.instant()));
            ps.setObject(4, draftId);
            ps.executeUpdate();
        }
    }

    private void failed(Connection conn, UUID draftId, Duration wait, String error) throws SQLException {
        LOG.warnf("Slack message for draft %s failed (%s); next try in %s", draftId, error, wait);
        try (PreparedStatement ps = conn.prepareStatement(
                "update slack_message set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where draft_id = ?")) {
            ps.setTimestamp(1, ts(clock.instant().plus(wait)));
            ps.setString(2, error);
            ps.setObject(3, draftId);
            ps.executeUpdate();
        }
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
