package dev.ydmyk.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.storage.Database;
import dev.ydmyk.tone.Finding;
import dev.ydmyk.tone.ToneReport;
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
import static dev.ydmyk.storage.Database.strings;
import static dev.ydmyk.storage.Database.ts;

/** SQL for drafts. Status changes are compare-and-set, so two decisions on one draft cannot both win. */
@ApplicationScoped
public class DraftRepository {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final Database db;
    private final ObjectMapper json;

    public DraftRepository(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public void insert(Connection conn, Draft d) throws SQLException {
        insert(conn, d, "");
    }

    /** Inserts an acknowledgement unless the complaint already has one pending; false if it had. */
    public boolean insertAcknowledgement(Connection conn, Draft d) throws SQLException {
        return insert(conn, d, " on conflict (complaint_id) where purpose = 'acknowledgement' and status = 'pending' do nothing") == 1;
    }

    private int insert(Connection conn, Draft d, String onConflict) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                insert into draft (id, complaint_id, status, language, text, drafter, hint, tone_moves, tone_findings, created_at,
                                   fallback_cause, purpose, incident_id, decision_note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""" + onConflict)) {
            ps.setObject(1, d.id());
            ps.setObject(2, d.complaintId());
            ps.setString(3, d.status().wire());
            ps.setString(4, d.language());
            ps.setString(5, d.text());
            ps.setString(6, d.drafter());
            ps.setString(7, d.hint());
            ps.setArray(8, conn.createArrayOf("text", d.toneCheck().moves().toArray()));
            ps.setString(9, write(d.toneCheck().findings()));
            ps.setTimestamp(10, ts(d.createdAt()));
            ps.setString(11, d.fallbackCause());
            ps.setString(12, d.purpose());
            ps.setObject(13, d.incidentId());
            ps.setString(14, d.note()); // a pending draft's note is the drafter's word to the agent; a decision replaces it
            return ps.executeUpdate();
        }
    }

    public Optional<Draft> find(UUID id) {
        return db.read(conn -> find(conn, id));
    }

    public Optional<Draft> find(Connection conn, UUID id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select * from draft where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public List<Draft> forComplaint(Connection conn, UUID complaintId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select * from draft where complaint_id = ? order by created_at, id")) {
            ps.setObject(1, complaintId);
            return list(ps);
        }
    }

    /**
     * The approval queue: critical posts first (health, safety, grief, threats, law: never held back),
     * then an incident's public statements, then complaints before questions before praise, the most
     * severe first, then the oldest (by when the post reached us).
     */
    public List<Draft> queue(DraftStatus status, int offset, int limit) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    select d.* from draft d join complaint c on c.id = d.complaint_id
                    where d.status = ?
                    order by case when c.severity = 'critical' then 0 when d.purpose = 'statement' then 1 else 2 end,
                             case c.kind when 'complaint' then 0 when 'question' then 1 when 'praise' then 2 else 3 end,
                             case c.severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end,
                             c.received_at, d.created_at, d.id
                    offset ? limit ?""")) {
                ps.setString(1, status.wire());
                ps.setInt(2, offset);
                ps.setInt(3, limit);
                return list(ps);
            }
        });
    }

    /** Moves a draft from one status to another; false if it was no longer in {@code from}. */
    /** Ends the pending drafts of a source's complaint (its post was edited or removed); returns their ids. */
    public List<UUID> endPending(Connection conn, String source, String externalId, String status, String actor, String note,
                                 Instant at) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                update draft d set status = ?, decided_by = ?, decided_at = ?, decision_note = ?
                from complaint c where c.id = d.complaint_id and c.source = ? and c.external_id = ? and d.status = 'pending'
                returning d.id""")) {
            ps.setString(1, status);
            ps.setString(2, actor);
            ps.setTimestamp(3, ts(at));
            ps.setString(4, note);
            ps.setString(5, source);
            ps.setString(6, externalId);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        }
    }

    /**
     * Pending drafts written by the fallback while the model was unavailable (not guardrail refusals), oldest first, locked.
     * An incident's statement is not among them: it is no complaint's reply to redraft.
     */
    public List<Draft> lockAvailabilityFallbacks(Connection conn, int limit) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                select * from draft where status = 'pending' and fallback_cause is not null
                and fallback_cause not like 'guardrail%' and purpose <> 'statement'
                order by created_at limit ? for update skip locked""")) {
            ps.setInt(1, limit);
            List<Draft> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    public boolean decide(Connection conn, UUID id, DraftStatus from, DraftStatus to, String agent, Instant at, String note)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                update draft set status = ?, decided_by = ?, decided_at = ?, decision_note = ?
                where id = ? and status = ?""")) {
            ps.setString(1, to.wire());
            ps.setString(2, agent);
            ps.setTimestamp(3, ts(at));
            ps.setString(4, note);
            ps.setObject(5, id);
            ps.setString(6, from.wire());
            return ps.executeUpdate() == 1;
        }
    }

    /** Whether the complaint has a pending draft of this purpose (an incident's acknowledgement, written meanwhile). */
    public boolean hasPending(Connection conn, UUID complaintId, String purpose) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "select 1 from draft where complaint_id = ? and purpose = ? and status = 'pending' limit 1")) {
            ps.setObject(1, complaintId);
            ps.setString(2, purpose);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void markSent(Connection conn, UUID id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("update draft set status = 'sent' where id = ? and status = 'approved'")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    private List<Draft> list(PreparedStatement ps) throws SQLException {
        List<Draft> drafts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                drafts.add(map(rs));
            }
        }
        return drafts;
    }

    private Draft map(ResultSet rs) throws SQLException {
        ToneReport tone = new ToneReport(strings(rs.getArray("tone_moves")), read(rs.getString("tone_findings")));
        return new Draft(rs.getObject("id", UUID.class), rs.getObject("complaint_id", UUID.class),
                DraftStatus.of(rs.getString("status")), rs.getString("language"), rs.getString("text"),
                rs.getString("drafter"), rs.getString("hint"), tone, instant(rs.getTimestamp("created_at")),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_note"),
                rs.getString("fallback_cause"), rs.getString("purpose"), rs.getObject("incident_id", UUID.class),
                rs.getString("taken_by"), instant(rs.getTimestamp("taken_at")));
    }

    /**
     * An agent takes a pending draft, or keeps it (taking it again refreshes it): only if nobody else
     * holds it since {@code idleSince}. False otherwise, or if the draft is not pending.
     */
    public boolean take(UUID id, String agent, Instant now, Instant idleSince) {
        return db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    update draft set taken_by = ?, taken_at = ? where id = ? and status = 'pending'
                    and (taken_by is null or taken_by = ? or taken_at < ?)""")) {
                ps.setString(1, agent);
                ps.setTimestamp(2, ts(now));
                ps.setObject(3, id);
                ps.setString(4, agent);
                ps.setTimestamp(5, ts(idleSince));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Lets a draft go back to everyone's queue: its holder, or anyone once the holder has been idle since {@code idleSince}. */
    public boolean release(UUID id, String agent, Instant idleSince) {
        return db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    update draft set taken_by = null, taken_at = null where id = ?
                    and (taken_by is null or taken_by = ? or taken_at < ?)""")) {
                ps.setObject(1, id);
                ps.setString(2, agent);
                ps.setTimestamp(3, ts(idleSince));
                return ps.executeUpdate() == 1;
            }
        });
    }

    private String write(List<Finding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Finding> read(String findings) {
        try {
            return json.readValue(findings, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
