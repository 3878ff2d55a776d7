package dev.ydmyk.approval;

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

/** The follow_up table: promises to come back to a customer, and whether they were kept. */
@ApplicationScoped
public class FollowUpRepository {

    public record FollowUp(UUID id, UUID complaintId, UUID draftId, Instant dueAt, String status, Instant createdAt,
                           String fixedBy, Instant fixedAt, String note) {
    }

    /** An overdue follow-up, with the customer it was promised to. */
    public record Overdue(UUID id, Instant dueAt, String authorName, String source) {
    }

    private final Database db;

    public FollowUpRepository(Database db) {
        this.db = db;
    }

    public void open(Connection conn, UUID complaintId, UUID draftId, Instant due, Instant now) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "insert into follow_up (id, complaint_id, draft_id, due_at, status, created_at) values (?, ?, ?, ?, 'open', ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, complaintId);
            ps.setObject(3, draftId);
            ps.setTimestamp(4, ts(due));
            ps.setTimestamp(5, ts(now));
            ps.executeUpdate();
        }
    }

    public void withdraw(Connection conn, UUID draftId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("delete from follow_up where draft_id = ? and status = 'open'")) {
            ps.setObject(1, draftId);
            ps.executeUpdate();
        }
    }

    /** Follow-ups in a status ({@code all} for every one), of one complaint or of all when it is null. */
    public List<FollowUp> list(String status, UUID complaintId) {
        return db.read(conn -> list(conn, status, complaintId));
    }

    public List<FollowUp> list(Connection conn, String status, UUID complaintId) throws SQLException {
        String sql = "select * from follow_up where (? = 'all' or status = ?) and (cast(? as uuid) is null or complaint_id = cast(? as uuid)) order by due_at";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, status);
            ps.setString(2, status);
            ps.setObject(3, complaintId);
            ps.setObject(4, complaintId);
            List<FollowUp> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    /** Reads a follow-up and locks it for the rest of the transaction. */
    public Optional<FollowUp> lock(Connection conn, UUID id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select * from follow_up where id = ? for update")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public void markFixed(Connection conn, UUID id, String agent, Instant at, String note) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "update follow_up set status = 'fixed', fixed_by = ?, fixed_at = ?, note = ? where id = ?")) {
            ps.setString(1, agent);
            ps.setTimestamp(2, ts(at));
            ps.setString(3, note);
            ps.setObject(4, id);
            ps.executeUpdate();
        }
    }

    /** Marks open follow-ups past their due time as reminded, each once, and returns them. */
    public List<Overdue> remindOverdue(Instant now) {
        return db.tx(conn -> {
            List<Overdue> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    update follow_up f set reminded_at = ? from complaint c
                    where c.id = f.complaint_id and f.status = 'open' and f.due_at < ? and f.reminded_at is null
                    returning f.id, f.due_at, c.author_name, c.source""")) {
                ps.setTimestamp(1, ts(now));
                ps.setTimestamp(2, ts(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Overdue(rs.getObject(1, UUID.class), instant(rs.getTimestamp(2)), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    private static FollowUp map(ResultSet rs) throws SQLException {
        return new FollowUp(rs.getObject("id", UUID.class), rs.getObject("complaint_id", UUID.class), rs.getObject("draft_id", UUID.class),
                instant(rs.getTimestamp("due_at")), rs.getString("status"), instant(rs.getTimestamp("created_at")),
                rs.getString("fixed_by"), instant(rs.getTimestamp("fixed_at")), rs.getString("note"));
    }
}
