package dev.ydmyk.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ydmyk.audit.AuditTrail.ERASED;
import static dev.ydmyk.storage.Database.ts;

/**
 * Where a customer's personal data lies, across every table that holds some: found by the source and
 * the handle they wrote under, read for an export, and erased. A table added later with personal data
 * belongs here too; {@code DataRightsTest} scans every text column of every table to make sure.
 * Statements of an incident are anchored on its first complaint but are the incident's, not the
 * customer's: they are neither exported nor erased with the complaint.
 */
@ApplicationScoped
public class PersonalDataRepository {

    /** The connectors' own source names, whose passed-over items carry a customer's address or id. */
    static final String EMAIL = "email";
    static final String FACEBOOK = "facebook";

    private final ObjectMapper json;

    public PersonalDataRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The customer's complaints not yet erased, locked against a concurrent erasure. Handles are compared without case. */
    List<UUID> complaintsOf(Connection conn, String source, String handle) throws SQLException {
        return ids(conn, """
                select id from complaint where source = ? and lower(author_handle) = lower(?) and erased_at is null
                order by received_at, id for update""", source, handle);
    }

    /** Complaints received before {@code cutoff} whose personal data is still kept, oldest first; others' locks are skipped. */
    List<UUID> receivedBefore(Connection conn, Instant cutoff, int limit) throws SQLException {
        return ids(conn, """
                select id from complaint where received_at < ? and erased_at is null
                order by received_at, id limit ? for update skip locked""", ts(cutoff), limit);
    }

    // --- Export (Art. 15) ---------------------------------------------------------------------

    /** Each complaint as stored, with everything kept about it. */
    List<Map<String, Object>> complaints(Connection conn, List<UUID> ids) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (UUID id : ids) {
            Map<String, Object> c = rows(conn, "select * from complaint where id = ?", id).get(0);
            c.put("drafts", rows(conn, "select * from draft where complaint_id = ? and purpose <> 'statement' order by created_at, id", id));
            c.put("replies", rows(conn, """
                    select r.* from reply r join draft d on d.id = r.draft_id
                    where r.complaint_id = ? and d.purpose <> 'statement' order by r.approved_at""", id));
            c.put("holdingReplies", rows(conn, "select * from holding_reply where complaint_id = ?", id));
            c.put("followUps", rows(conn, "select * from follow_up where complaint_id = ? order by created_at", id));
            c.put("escalations", rows(conn, "select * from escalation where complaint_id = ? order by at", id));
            c.put("emailMessages", rows(conn, "select * from email_message where complaint_id = ?", id));
            c.put("slackMessages", rows(conn, """
                    select s.* from slack_message s join draft d on d.id = s.draft_id
                    where d.complaint_id = ? and d.purpose <> 'statement' order by s.created_at""", id));
            c.put("audit", rows(conn, "select * from audit_event where complaint_id = ? order by at, id", id));
            out.add(c);
        }
        return out;
    }

    /** E-mail passed over (not drafted) that came from the customer's address. */
    List<Map<String, Object>> passedOverMail(Connection conn, String source, String handle) throws SQLException {
        return EMAIL.equals(source)
                ? rows(conn, "select * from email_passed_over where lower(from_address) = lower(?) order by received_at", handle)
                : List.of();
    }

    /** Facebook changes passed over (not taken) that name the customer as their author. */
    List<Map<String, Object>> passedOverFacebook(Connection conn, String source, String handle) throws SQLException {
        return FACEBOOK.equals(source)
                ? rows(conn, "select * from facebook_passed_over where strpos(lower(change), lower(?)) > 0 order by received_at", facebookAuthor(handle))
                : List.of();
    }

    // --- Erasure (Art. 17) --------------------------------------------------------------------

    /** What one erasure changed, per kind of thing; the ids are for telling the channels. */
    record Erased(int complaints, List<UUID> drafts, int replies, int holdingReplies, int followUps, int emailMessages,
                  int slackMessages, List<UUID> incidents, int stopped) {
    }

    /**
     * Erases the complaints' personal data in the caller's transaction, keeping the anonymous facts:
     * source, kind, severity, language, topics, flags, engagement and every time. The external id becomes
     * a one-way hash (it stays unique); replies not yet sent are stopped (their text is gone); the Slack
     * messages of the drafts, and the cards of their incidents, are queued to be redrawn as erased.
     */
    Erased erase(Connection conn, List<UUID> ids, String actor, Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return new Erased(0, List.of(), 0, 0, 0, 0, 0, List.of(), 0);
        }
        Array complaints = conn.createArrayOf("uuid", ids.toArray());
        List<UUID> incidents = ids(conn, "select distinct incident_id from complaint where id = any(?) and incident_id is not null", complaints);
        int erasedComplaints = update(conn, """
                update complaint set author_name = null, author_handle = null, text = ?, url = null, redraft_hint = null,
                       report_back_note = null, triage_reasons = '{}', parent_external_id = null,
                       external_id = 'erased:' || encode(sha256(convert_to(external_id, 'UTF8')), 'hex'),
                       needs_draft = false, claim_token = null, claimed_until = null, erased_at = ?
                where id = any(?) and erased_at is null""", ERASED, ts(now), complaints);
        // A pending draft can no longer be approved: it is withdrawn, as when a post is removed.
        List<UUID> drafts = ids(conn, """
                update draft set text = ?, hint = null, tone_findings = '[]'::jsonb,
                       decision_note = case when status = 'pending' or decision_note is not null then ? end,
                       decided_by = case when status = 'pending' then ? else decided_by end,
                       decided_at = case when status = 'pending' then ? else decided_at end,
                       status = case when status = 'pending' then 'withdrawn' else status end
                where complaint_id = any(?) and purpose <> 'statement'
                returning id""", ERASED, ERASED, actor, ts(now), complaints);
        Array draftIds = conn.createArrayOf("uuid", drafts.toArray());
        int stopped = update(conn, """
                update reply set failed_at = ?, next_attempt_at = null, last_error = 'erased at the customer''s request'
                where draft_id = any(?) and sent_at is null and failed_at is null""", ts(now), draftIds);
        int replies = update(conn, "update reply set text = ? where draft_id = any(?)", ERASED, draftIds);
        stopped += update(conn, """
                update holding_reply set failed_at = ?, next_attempt_at = null, last_error = 'erased at the customer''s request'
                where complaint_id = any(?) and sent_at is null and failed_at is null""", ts(now), complaints);
        int holding = update(conn, "update holding_reply set text = ? where complaint_id = any(?)", ERASED, complaints);
        int followUps = update(conn, """
                update follow_up set status = case when status = 'open' then 'erased' else status end,
                       note = case when note is null then null else ? end
                where complaint_id = any(?)""", ERASED, complaints);
        int mail = update(conn, "delete from email_message where complaint_id = any(?)", complaints);
        // The channel page's notices tray: escalations name the customer and quote the post.
        update(conn, """
                update notice set author = null, lines = '{}', title = 'A notice about a customer whose data was erased'
                where complaint_id = any(?)""", complaints);
        // Redrawn by the Slack poster from the erased rows; a crash before the event is fired loses nothing.
        int slack = update(conn, """
                update slack_message set needs_update = true, version = version + 1, next_attempt_at = least(next_attempt_at, ?)
                where draft_id = any(?) or draft_id in (
                    select d.id from draft d where d.incident_id = any(?) and d.purpose = 'statement')""",
                ts(now), draftIds, conn.createArrayOf("uuid", incidents.toArray()));
        return new Erased(erasedComplaints, drafts, replies, holding, followUps, mail, slack, incidents, stopped);
    }

    int erasePassedOverMail(Connection conn, String source, String handle) throws SQLException {
        return EMAIL.equals(source) ? update(conn, "delete from email_passed_over where lower(from_address) = lower(?)", handle) : 0;
    }

    int erasePassedOverFacebook(Connection conn, String source, String handle) throws SQLException {
        return FACEBOOK.equals(source) ? update(conn, "delete from facebook_passed_over where strpos(lower(change), lower(?)) > 0", facebookAuthor(handle)) : 0;
    }

    /** Retention: passed-over mail is kept no longer than complaints. */
    int erasePassedOverMailBefore(Connection conn, Instant cutoff) throws SQLException {
        return update(conn, "delete from email_passed_over where received_at < ?", ts(cutoff));
    }

    int erasePassedOverFacebookBefore(Connection conn, Instant cutoff) throws SQLException {
        return update(conn, "delete from facebook_passed_over where received_at < ?", ts(cutoff));
    }

    /** How an author's id appears in a Facebook change as stored (Jackson's compact JSON): {@code "id":"<handle>"}. */
    private String facebookAuthor(String handle) {
        try {
            return "\"id\":" + json.writeValueAsString(handle);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<UUID> ids(Connection conn, String sql, Object... args) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement ps = prepared(conn, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static int update(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepared(conn, sql, args)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepared(Connection conn, String sql, Object... args) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    /** Rows as they are stored, every column, named as the API names things (camelCase). */
    private List<Map<String, Object>> rows(Connection conn, String sql, Object... args) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = prepared(conn, sql, args); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(camel(meta.getColumnLabel(i)), value(rs, i, meta.getColumnTypeName(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private Object value(ResultSet rs, int i, String type) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) {
            return null;
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof Array a) {
            return Arrays.asList((Object[]) a.getArray());
        }
        if (type.equals("jsonb") || type.equals("json")) {
            try {
                return json.readTree(rs.getString(i));
            } catch (JsonProcessingException e) {
                return rs.getString(i);
            }
        }
        return v instanceof Collection<?> || v instanceof Number || v instanceof Boolean || v instanceof UUID ? v : v.toString();
    }

    static String camel(String column) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }
}
