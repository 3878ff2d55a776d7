package dev.ydmyk.publishing;

import dev.ydmyk.approval.AuditTrail;
import dev.ydmyk.approval.DraftChanged;
import dev.ydmyk.approval.DraftRepository;
import dev.ydmyk.config.Backoff;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.storage.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/**
 * Sends approved replies through the {@link Publisher}. The approved text is committed before any
 * attempt, so a failing publisher never loses it: failures are retried with exponential backoff
 * and jitter until they succeed.
 */
@ApplicationScoped
public class PublishingService {

    private static final Logger LOG = Logger.getLogger(PublishingService.class);

    private final Database db;
    private final Publishers publishers;
    private final DraftRepository drafts;
    private final AuditTrail audit;
    private final YdmykConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Event<DraftChanged> changes;

    public PublishingService(Database db, Publishers publishers, DraftRepository drafts, AuditTrail audit,
                             YdmykConfig config, Clock clock, MeterRegistry metrics,
                             Event<DraftChanged> changes) {
        this.db = db;
        this.publishers = publishers;
        this.drafts = drafts;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.changes = changes;
    }

    /**
     * Tries to publish one approved reply now (by its draft), if it is not sent yet and no other
     * attempt holds it. The attempt is counted and committed before the publisher is called, so
     * after a crash mid-call the next attempt knows an earlier one may have gone through
     * ({@link OutgoingReply#attempts()} &gt; 0) and the publisher checks before sending again.
     */
    public void attempt(UUID draftId) {
        Instant claimedAt = clock.instant();
        OutgoingReply reply = db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    update reply r set publish_attempts = publish_attempts + 1, next_attempt_at = ?
                    from complaint c where c.id = r.complaint_id and r.draft_id = ? and r.sent_at is null
                      and (r.next_attempt_at is null or r.next_attempt_at <= ?)
                    returning r.*, c.source, c.external_id as complaint_external_id, c.url""")) {
                ps.setTimestamp(1, ts(claimedAt.plus(config.publishing().lease())));
                ps.setObject(2, draftId);
                ps.setTimestamp(3, ts(claimedAt));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new OutgoingReply(rs.getObject("complaint_id", UUID.class), draftId, rs.getString("source"),
                            rs.getString("complaint_external_id"), rs.getString("url"), rs.getString("text"), rs.getString("agent"),
                            instant(rs.getTimestamp("approved_at")), rs.getInt("publish_attempts") - 1);
                }
            }
        });
        if (reply == null) {
            return;
        }
        String externalId;
        try {
            externalId = publishers.forSource(reply.source()).publish(reply);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Instant next = clock.instant().plus(e instanceof PublishLater later ? later.delay() : backoff(reply.attempts() + 1));
            LOG.warnf("Publishing the reply to complaint %s failed (attempt %d), next try at %s: %s",
                    reply.complaintId(), reply.attempts() + 1, next, e.getMessage());
            db.tx(conn -> {
                try (PreparedStatement ps = conn.prepareStatement(
                        "update reply set next_attempt_at = ?, last_error = ? where draft_id = ? and sent_at is null")) {
                    ps.setTimestamp(1, ts(next));
                    ps.setString(2, String.valueOf(e.getMessage()));
                    ps.setObject(3, draftId);
                    ps.executeUpdate();
                }
                return null;
            });
            metrics.counter("ydmyk.publish.failures").increment();
            return;
        }
        Instant now = clock.instant();
        db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "update reply set sent_at = ?, last_error = null, external_id = ? where draft_id = ?")) {
                ps.setTimestamp(1, ts(now));
                ps.setString(2, externalId);
                ps.setObject(3, draftId);
                ps.executeUpdate();
            }
            drafts.markSent(conn, reply.draftId());
            audit.record(conn, reply.complaintId(), draftId, "sent", "ydmyk", now, "Published, signed by " + reply.agent());
            return null;
        });
        metrics.counter("ydmyk.replies.sent").increment();
        changes.fire(new DraftChanged(reply.draftId(), DraftChanged.Change.SENT, "ydmyk"));
    }

    /** Retries replies whose publishing failed, when their backoff has passed. */
    @Scheduled(every = "${ydmyk.publishing.retry-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        List<UUID> due = db.read(conn -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "select draft_id from reply where sent_at is null and next_attempt_at <= ? order by next_attempt_at limit 50")) {
                ps.setTimestamp(1, ts(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
        due.forEach(this::attempt);
    }

    Duration backoff(int attempt) {
        return new Backoff(config.publishing().initialBackoff(), config.publishing().maxBackoff()).delay(attempt);
    }
}
