package dev.ydmyk.publishing;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/**
 * The publishing pipeline's bookkeeping, for every kind of outgoing message: approved replies and
 * report-backs live in {@code reply} (keyed by their draft), holding replies in {@code holding_reply}
 * (keyed by their own id). Both tables carry the same columns for attempts, failures and outcome.
 */
@ApplicationScoped
public class Outbox {

    /** Where a purpose's messages are kept. */
    enum Store {
        REPLY("reply", "draft_id", """
                update reply r set publish_attempts = r.publish_attempts + 1, next_attempt_at = ?
                from complaint c, draft d where c.id = r.complaint_id and d.id = r.draft_id and r.draft_id = ?
                  and r.sent_at is null and r.failed_at is null and (r.next_attempt_at is null or r.next_attempt_at <= ?)
                returning r.draft_id as message_id, d.purpose, r.complaint_id, r.draft_id, r.text, r.agent, r.approved_at,
                          r.publish_attempts, r.failures, c.source, c.external_id as complaint_external_id, c.url"""),
        HOLDING("holding_reply", "id", """
                update holding_reply r set publish_attempts = r.publish_attempts + 1, next_attempt_at = ?
                from complaint c where c.id = r.complaint_id and r.id = ?
                  and r.sent_at is null and r.failed_at is null and (r.next_attempt_at is null or r.next_attempt_at <= ?)
                returning r.id as message_id, 'holding' as purpose, r.complaint_id, null::uuid as draft_id, r.text,
                          r.approved_by as agent, r.created_at as approved_at, r.publish_attempts, r.failures, c.source,
                          c.external_id as complaint_external_id, c.url""");

        final String table;
        final String key;
        final String claim;

        Store(String table, String key, String claim) {
            this.table = table;
            this.key = key;
            this.claim = claim;
        }
    }

    /** One message due for an attempt. */
    record Due(Store store, UUID messageId) {
    }

    /** A message claimed for one attempt, with the failures counted so far. */
    record Claimed(OutgoingReply reply, int failures) {
    }

    private final Database db;

    public Outbox(Database db) {
        this.db = db;
    }

    /** Counts the attempt and commits it before anyone calls a publisher; empty if sent, failed, or held by another attempt. */
    Optional<Claimed> claim(Store store, UUID messageId, Instant now, Instant leaseUntil) {
        return db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(store.claim)) {
                ps.setTimestamp(1, ts(leaseUntil));
                ps.setObject(2, messageId);
                ps.setTimestamp(3, ts(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    OutgoingReply reply = new OutgoingReply(rs.getObject("message_id", UUID.class), Purpose.of(rs.getString("purpose")),
                            rs.getObject("complaint_id", UUID.class), rs.getObject("draft_id", UUID.class), rs.getString("source"),
                            rs.getString("complaint_external_id"), rs.getString("url"), rs.getString("text"), rs.getString("agent"),
                            instant(rs.getTimestamp("approved_at")), rs.getInt("publish_attempts") - 1);
                    return Optional.of(new Claimed(reply, rs.getInt("failures")));
                }
            }
        });
    }

    /** Keeps the message for another attempt at {@code next}; {@code failed} counts it towards giving up. */
    void retryLater(Store store, UUID messageId, Instant next, String error, boolean failed) {
        db.tx(conn -> update(conn, "update " + store.table + " set next_attempt_at = ?, last_error = ?, failures = failures + ? where "
                + store.key + " = ? and sent_at is null", ts(next), error, failed ? 1 : 0, messageId));
    }

    /**
     * Undoes a claim whose attempt certainly published nothing (the platform asked us to wait, before or
     * by refusing the call): not counted as an attempt, so the next one need not reconcile.
     */
    void unclaim(Store store, UUID messageId, Instant next, String reason) {
        db.tx(conn -> update(conn, "update " + store.table + " set publish_attempts = publish_attempts - 1, next_attempt_at = ?,"
                + " last_error = coalesce(?, last_error) where " + store.key + " = ? and sent_at is null", ts(next), reason, messageId));
    }

    /** Gives up: the message stays where it is, unsent, with its reason; false if it was sent meanwhile. */
    boolean markFailed(Store store, UUID messageId, Instant now, String reason) {
        return db.tx(conn -> update(conn, "update " + store.table + " set failed_at = ?, next_attempt_at = null, last_error = ?,"
                + " failures = failures + 1 where " + store.key + " = ? and sent_at is null", ts(now), reason, messageId)) == 1;
    }

    void markSent(Connection conn, Store store, UUID messageId, Instant now, String externalId) throws SQLException {
        update(conn, "update " + store.table + " set sent_at = ?, last_error = null, external_id = ? where " + store.key + " = ?",
                ts(now), externalId, messageId);
    }

    /** Stores a holding reply, due at once; false if the complaint already has one. */
    boolean addHolding(UUID id, UUID complaintId, String text, String approvedBy, Instant now) {
        return db.tx(conn -> update(conn, """
                insert into holding_reply (id, complaint_id, text, approved_by, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", id, complaintId, text, approvedBy, ts(now), ts(now)) == 1);
    }

    /** Messages whose next attempt is due, oldest first, of every purpose. */
    List<Due> due(Instant now, int limit) {
        return db.read(conn -> {
            List<Due> due = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    select 'REPLY' as store, draft_id as id, next_attempt_at from reply
                      where sent_at is null and failed_at is null and next_attempt_at <= ?
                    union all
                    select 'HOLDING', id, next_attempt_at from holding_reply
                      where sent_at is null and failed_at is null and next_attempt_at <= ?
                    order by next_attempt_at limit ?""")) {
                ps.setTimestamp(1, ts(now));
                ps.setTimestamp(2, ts(now));
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(Store.valueOf(rs.getString("store")), rs.getObject("id", UUID.class)));
                    }
                }
            }
            return due;
        });
    }

    private static int update(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
