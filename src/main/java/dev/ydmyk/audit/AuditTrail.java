package dev.ydmyk.audit;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/** Who did what to which complaint and draft, and when; written in the same transaction as the act. */
@ApplicationScoped
public class AuditTrail {

    public record Event(String action, String actor, Instant at, UUID draftId, String detail) {
    }

    public void record(Connection conn, UUID complaintId, UUID draftId, String action, String actor, Instant at, String detail)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "insert into audit_event (complaint_id, draft_id, action, actor, at, detail) values (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, complaintId);
            ps.setObject(2, draftId);
            ps.setString(3, action);
            ps.setString(4, actor);
            ps.setTimestamp(5, ts(at));
            ps.setString(6, detail);
            ps.executeUpdate();
        }
    }

    public List<Event> forComplaint(Connection conn, UUID complaintId) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "select * from audit_event where complaint_id = ? order by at, id")) {
            ps.setObject(1, complaintId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getString("action"), rs.getString("actor"), instant(rs.getTimestamp("at")),
                            rs.getObject("draft_id", UUID.class), rs.getString("detail")));
                }
            }
        }
        return events;
    }
}
