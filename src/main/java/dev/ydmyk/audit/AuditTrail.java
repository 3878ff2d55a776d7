package dev.ydmyk.audit;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/** Who did what to which complaint and draft, and when; written in the same transaction as the act. */
@ApplicationScoped
public class AuditTrail {

    /** What is left where a customer's text was erased (GDPR Art. 17). */
    public static final String ERASED = "[erased]";

    public record Event(String action, String actor, Instant at, UUID draftId, String detail) {
    }

    /**
     * One person's decision, as a lead reads the audit: {@code decision} is approved, edited, overrode
     * (the tone check), rejected, redraft-requested, bulk-approved, and so on; {@code action} is as recorded.
     */
    public record Decision(long id, Instant at, String agent, String decision, String action, UUID complaintId, UUID draftId,
                           String detail) {
    }

    /** The recorded actions that are a person's decisions, and how a lead calls each. */
    static final Map<String, String> DECISIONS = Map.ofEntries(
            Map.entry("approved", "approved"),
            Map.entry("rejected", "rejected"),
            Map.entry("redraft-requested", "redraft-requested"),
            Map.entry("incident-bulk-approved", "bulk-approved"),
            Map.entry("incident-auto-stopped", "auto-approval-stopped"),
            Map.entry("incident-resolved", "resolved"),
            Map.entry("incident-detached", "detached"),
            Map.entry("incidents-merged", "merged"),
            Map.entry("follow-up-fixed", "follow-up-fixed"),
            Map.entry("customer-exported", "exported"),
            Map.entry("customer-erased", "erased"),
            Map.entry("retention-erased", "erased"));

    /** The service itself, as an actor: a redraft it asks for (the model is back) is no one's decision; retention is listed. */
    private static final String SERVICE = "ydmyk";
    private static final String OVERRIDDEN = "; tone check overridden: ";

    private final Database db;

    public AuditTrail(Database db) {
        this.db = db;
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

    /**
     * People's decisions from {@code from} (inclusive) to {@code to} (exclusive), of one agent or of all
     * (null), oldest first; at most {@code limit}.
     */
    public List<Decision> decisions(Instant from, Instant to, String agent, int limit) {
        return db.read(conn -> {
            List<Decision> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    select id, at, actor, action, complaint_id, draft_id, detail from audit_event
                    where action = any(?) and not (action = 'redraft-requested' and actor = ?) and at >= ? and at < ? and (?::text is null or actor = ?)
                    order by at, id limit ?""")) {
                ps.setArray(1, conn.createArrayOf("text", DECISIONS.keySet().toArray()));
                ps.setString(2, SERVICE);
                ps.setTimestamp(3, ts(from));
                ps.setTimestamp(4, ts(to));
                ps.setString(5, agent);
                ps.setString(6, agent);
                ps.setInt(7, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String action = rs.getString("action");
                        String detail = rs.getString("detail");
                        out.add(new Decision(rs.getLong("id"), instant(rs.getTimestamp("at")), rs.getString("actor"),
                                decision(action, detail), action, rs.getObject("complaint_id", UUID.class),
                                rs.getObject("draft_id", UUID.class), detail));
                    }
                }
            }
            return out;
        });
    }

    /** An approval is told apart by its detail, as ApprovalService and Incidents write it; the words survive erasure. */
    static String decision(String action, String detail) {
        if (!action.equals("approved") || detail == null) {
            return DECISIONS.getOrDefault(action, action);
        }
        if (detail.contains(OVERRIDDEN)) {
            return "overrode";
        }
        if (detail.startsWith("Approved with edits")) {
            return "edited";
        }
        if (detail.startsWith("Approved in bulk") || detail.startsWith("Approved on arrival under the standing decision")) {
            return "bulk-approved";
        }
        return "approved";
    }

    /**
     * Erases the customer's words from the complaints' audit details (a note, a reason, a hint, an
     * override's reason), keeping who did what and when. Details of the incident a complaint belongs to
     * (its formation, bulk approval, resolution) are the incident's, not the customer's, and stay.
     * Returns the number of events whose detail was erased.
     */
    public int erase(Connection conn, Collection<UUID> complaintIds) throws SQLException {
        List<Object[]> changed = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                select id, action, detail from audit_event where complaint_id = any(?) and detail is not null
                  and action not like 'incident-%' order by id for update""")) {
            ps.setArray(1, conn.createArrayOf("uuid", complaintIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String detail = rs.getString("detail");
                    String erased = erased(rs.getString("action"), detail);
                    if (!erased.equals(detail)) {
                        changed.add(new Object[]{rs.getLong("id"), erased});
                    }
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("update audit_event set detail = ? where id = ?")) {
            for (Object[] c : changed) {
                ps.setString(1, (String) c[1]);
                ps.setLong(2, (Long) c[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return changed.size();
    }

    /** An approval keeps the words that tell edited, overrode and bulk-approved apart (they are ours); anything else is erased. */
    static String erased(String action, String detail) {
        if (detail.startsWith(ERASED)) {
            return detail;
        }
        if (action.equals("approved")) {
            int overridden = detail.indexOf(OVERRIDDEN);
            if (overridden >= 0) {
                return detail.substring(0, overridden) + OVERRIDDEN + ERASED;
            }
            if (detail.equals("Approved with edits") || detail.equals("Approved as drafted")) {
                return detail;
            }
            if (detail.startsWith("Approved in bulk")) {
                return "Approved in bulk " + ERASED;
            }
            if (detail.startsWith("Approved on arrival under the standing decision")) {
                return "Approved on arrival under the standing decision " + ERASED;
            }
        }
        return ERASED;
    }
}
