package dev.ydmyk.approval;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import static dev.ydmyk.storage.Database.ts;

/** The reply rows an approval creates, for publishing to send; and what still waits for one. */
@ApplicationScoped
public class ApprovedReplyRepository {

    private final Database db;

    public ApprovedReplyRepository(Database db) {
        this.db = db;
    }

    /**
     * Queues the approved text for publishing: one answer per complaint, report-backs after it.
     * The complaint row is locked first, so two approvals of different drafts for the same complaint
     * cannot both pass the check. False if the complaint already has its answer.
     */
    public boolean queue(Connection conn, UUID complaintId, UUID draftId, String purpose, String text, String agent, Instant now,
                         Instant due) throws SQLException {
        try (PreparedStatement lock = conn.prepareStatement("select 1 from complaint where id = ? for update")) {
            lock.setObject(1, complaintId);
            lock.executeQuery().close();
        }
        try (PreparedStatement ps = conn.prepareStatement("""
                insert into reply (complaint_id, draft_id, text, agent, approved_at, next_attempt_at)
                select ?, ?, ?, ?, ?, ? where ? in ('report-back', 'statement') or not exists
                  (select 1 from reply r join draft d on d.id = r.draft_id where r.complaint_id = ? and d.purpose = ?)""")) {
            ps.setObject(1, complaintId);
            ps.setObject(2, draftId);
            ps.setString(3, text);
            ps.setString(4, agent);
            ps.setTimestamp(5, ts(now));
            ps.setTimestamp(6, ts(due));
            ps.setString(7, purpose);
            ps.setObject(8, complaintId);
            ps.setString(9, purpose);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Takes an approval back while its undo window is open: the reply row goes if no attempt has
     * claimed it and it is not yet due. False if publishing has started (or it was never queued).
     */
    public boolean withdraw(Connection conn, UUID draftId, Instant now) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                delete from reply where draft_id = ? and sent_at is null and failed_at is null
                and publish_attempts = 0 and next_attempt_at > ?""")) {
            ps.setObject(1, draftId);
            ps.setTimestamp(2, ts(now));
            return ps.executeUpdate() == 1;
        }
    }

    /** Complaints received before {@code before} that have no approved reply yet. */
    public long complaintsWithoutReplyBefore(Instant before) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    select count(*) from complaint c where c.kind = 'complaint' and c.received_at < ?
                    and not exists (select 1 from reply r where r.complaint_id = c.id)""")) {
                ps.setTimestamp(1, ts(before));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
