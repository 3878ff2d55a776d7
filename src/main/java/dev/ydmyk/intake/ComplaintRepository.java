package dev.ydmyk.intake;

import dev.ydmyk.storage.Database;
import dev.ydmyk.triage.Kind;
import dev.ydmyk.triage.Severity;
import dev.ydmyk.triage.Triage;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.strings;
import static dev.ydmyk.storage.Database.ts;

/** SQL for complaints and the drafting queue that lives on them. */
@ApplicationScoped
public class ComplaintRepository {

    public record Stored(UUID id, boolean created) {
    }

    /** A batch of complaints handed to one drafting worker; {@code token} proves the claim is still its own. */
    public record Claim(Complaint complaint, UUID token, int draftsSoFar) {
    }

    private final Database db;

    public ComplaintRepository(Database db) {
        this.db = db;
    }

    /** Stores a new complaint, or finds the one already stored for the same (source, externalId). */
    public Stored store(NewComplaint c, Instant receivedAt) {
        return db.tx(conn -> store(conn, c, receivedAt, null));
    }

    /** The same, inside the caller's transaction; {@code parentExternalId}: the post or comment this one answers. */
    public Stored store(Connection conn, NewComplaint c, Instant receivedAt, String parentExternalId) throws SQLException {
        {
            UUID id = UUID.randomUUID();
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into complaint (id, source, external_id, author_name, author_handle, text, url, posted_at,
                                           language_hint, received_at, engagement, engagement_at, parent_external_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (source, external_id) do nothing returning id""")) {
                ps.setObject(1, id);
                ps.setString(2, c.source());
                ps.setString(3, c.externalId());
                ps.setString(4, c.author() == null ? null : c.author().name());
                ps.setString(5, c.author() == null ? null : c.author().handle());
                ps.setString(6, c.text());
                ps.setString(7, c.url());
                ps.setObject(8, c.postedAt());
                ps.setString(9, c.languageHint());
                ps.setTimestamp(10, ts(receivedAt));
                ps.setObject(11, c.engagement() == null ? null : c.engagement().total());
                ps.setTimestamp(12, c.engagement() == null ? null : ts(receivedAt));
                ps.setString(13, parentExternalId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Stored(id, true);
                    }
                }
            }
            if (c.engagement() != null) {
                // The same post again, with newer reaction counts: keep how fast they grow.
                try (PreparedStatement ps = conn.prepareStatement("""
                        update complaint set
                          engagement_per_hour = case when engagement is not null and engagement_at is not null and ? > engagement_at
                                then (? - engagement) / greatest(extract(epoch from (? - engagement_at)) / 3600.0, 1.0 / 60)
                                else engagement_per_hour end,
                          engagement = ?, engagement_at = ?
                        where source = ? and external_id = ?""")) {
                    ps.setTimestamp(1, ts(receivedAt));
                    ps.setInt(2, c.engagement().total());
                    ps.setTimestamp(3, ts(receivedAt));
                    ps.setInt(4, c.engagement().total());
                    ps.setTimestamp(5, ts(receivedAt));
                    ps.setString(6, c.source());
                    ps.setString(7, c.externalId());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("select id from complaint where source = ? and external_id = ?")) {
                ps.setString(1, c.source());
                ps.setString(2, c.externalId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Stored(rs.getObject(1, UUID.class), false);
                }
            }
        }
    }

    /** A post's text was edited at the source: keep the new text and draft again. False if unknown or unchanged. */
    public boolean edit(Connection conn, String source, String externalId, String text) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                update complaint set text = ?, needs_draft = true, redraft_hint = null, claimed_until = null, claim_token = null
                where source = ? and external_id = ? and text <> ? and withdrawn_at is null""")) {
            ps.setString(1, text);
            ps.setString(2, source);
            ps.setString(3, externalId);
            ps.setString(4, text);
            return ps.executeUpdate() == 1;
        }
    }

    /** The customer removed the post: nothing more is drafted or sent for it. Returns its id, if known. */
    public Optional<UUID> withdraw(Connection conn, String source, String externalId, Instant at) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                insert into removed_item (source, external_id, at) values (?, ?, ?) on conflict do nothing""")) {
            ps.setString(1, source);
            ps.setString(2, externalId);
            ps.setTimestamp(3, ts(at));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("""
                update complaint set withdrawn_at = coalesce(withdrawn_at, ?), needs_draft = false, claimed_until = null, claim_token = null
                where source = ? and external_id = ? returning id""")) {
            ps.setTimestamp(1, ts(at));
            ps.setString(2, source);
            ps.setString(3, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    public boolean removedBefore(Connection conn, String source, String externalId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select 1 from removed_item where source = ? and external_id = ?")) {
            ps.setString(1, source);
            ps.setString(2, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Optional<Complaint> find(UUID id) {
        return db.read(conn -> find(conn, id));
    }

    /** Several complaints in one query, by id. */
    public Map<UUID, Complaint> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.read(conn -> {
            Map<UUID, Complaint> out = new HashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("select * from complaint where id = any (?)")) {
                ps.setArray(1, conn.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Complaint c = map(rs);
                        out.put(c.id(), c);
                    }
                }
            }
            return out;
        });
    }

    public Optional<Complaint> find(Connection conn, UUID id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select * from complaint where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Claims up to {@code limit} complaints that wait for a draft and are not held by a live claim.
     * SKIP LOCKED lets several workers, and several instances of the service, share the queue.
     */
    public List<Claim> claimWaiting(int limit, Instant now, Instant leaseUntil) {
        return db.tx(conn -> {
            UUID token = UUID.randomUUID();
            List<Claim> claims = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    update complaint c set claimed_until = ?, claim_token = ?
                    where c.id in (select id from complaint
                                   where needs_draft and (claimed_until is null or claimed_until < ?)
                                   order by received_at limit ? for update skip locked)
                    returning c.*, (select count(*) from draft d where d.complaint_id = c.id) as drafts_so_far""")) {
                ps.setTimestamp(1, ts(leaseUntil));
                ps.setObject(2, token);
                ps.setTimestamp(3, ts(now));
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claims.add(new Claim(map(rs), token, rs.getInt("drafts_so_far")));
                    }
                }
            }
            return claims;
        });
    }

    /** Ends a claim: the complaint is triaged and no longer waits. False if the claim was lost meanwhile. */
    public boolean finishDrafting(Connection conn, Claim claim, Triage triage) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                update complaint set language = ?, kind = ?, severity = ?, topics = ?, flags = ?, triage_reasons = ?, triaged_at = now(),
                       needs_draft = false, redraft_hint = null, report_back_note = null, claimed_until = null, claim_token = null
                where id = ? and claim_token = ?""")) {
            ps.setString(1, triage.language());
            ps.setString(2, triage.kind().wire());
            ps.setString(3, triage.severity().wire());
            ps.setArray(4, conn.createArrayOf("text", triage.topics().toArray()));
            ps.setArray(5, conn.createArrayOf("text", triage.flags().toArray()));
            ps.setArray(6, conn.createArrayOf("text", triage.reasons().toArray()));
            ps.setObject(7, claim.complaint().id());
            ps.setObject(8, claim.token());
            return ps.executeUpdate() == 1;
        }
    }

    /** Gives a claim back after a failure; the complaint is tried again after {@code retryAt}. */
    public void release(Claim claim, Instant retryAt) {
        db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "update complaint set claimed_until = ?, claim_token = null where id = ? and claim_token = ?")) {
                ps.setTimestamp(1, ts(retryAt));
                ps.setObject(2, claim.complaint().id());
                ps.setObject(3, claim.token());
                return ps.executeUpdate();
            }
        });
    }

    /** Puts a complaint back in the drafting queue, e.g. when an agent asks for a redraft. */
    public void requestDraft(Connection conn, UUID id, String hint) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "update complaint set needs_draft = true, redraft_hint = ?, claimed_until = null, claim_token = null where id = ?")) {
            ps.setString(1, hint);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    /** Queues a report-back draft: what was fixed, as the reply promised. */
    public void requestReportBack(Connection conn, UUID id, String note) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "update complaint set needs_draft = true, report_back_note = ?, redraft_hint = null, claimed_until = null, claim_token = null where id = ?")) {
            ps.setString(1, note);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    /** One earlier message in a conversation: the customer's, or a reply of ours. */
    public record Turn(boolean ours, String who, String text) {
    }

    /**
     * The conversation a complaint answers, oldest first: following its parent (the post, comment
     * or e-mail it answers) through earlier complaints and our published replies, at most
     * {@code max} messages back.
     */
    public List<Turn> conversation(Complaint c, int max) {
        return c.parentExternalId() == null ? List.of() : db.read(conn -> conversation(conn, c, max));
    }

    /** The same, on the caller's connection. */
    public List<Turn> conversation(Connection conn, Complaint c, int max) throws SQLException {
        List<Turn> turns = new ArrayList<>();
        String parent = c.parentExternalId();
        Set<String> visited = new HashSet<>();
        while (parent != null && turns.size() < max && visited.add(parent)) {
            String next = null;
            boolean theirs = false;
            try (PreparedStatement ps = conn.prepareStatement(
                    "select author_name, text, parent_external_id from complaint where source = ? and external_id = ?")) {
                ps.setString(1, c.source());
                ps.setString(2, parent);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        turns.add(new Turn(false, rs.getString("author_name"), rs.getString("text")));
                        next = rs.getString("parent_external_id");
                        theirs = true;
                    }
                }
            }
            if (!theirs && turns.size() < max) {
                try (PreparedStatement ps = conn.prepareStatement("""
                        select r.agent, r.text, p.external_id as answered from reply r join complaint p on p.id = r.complaint_id
                        where p.source = ? and r.external_id = ?""")) {
                    ps.setString(1, c.source());
                    ps.setString(2, parent);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            turns.add(new Turn(true, rs.getString("agent"), rs.getString("text")));
                            next = rs.getString("answered");
                        }
                    }
                }
            }
            parent = next;
        }
        Collections.reverse(turns);
        return turns;
    }

    static Complaint map(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        Complaint.StoredTriage triage = kind == null ? null : new Complaint.StoredTriage(rs.getString("language"),
                Kind.of(kind), Severity.of(rs.getString("severity")), strings(rs.getArray("topics")),
                strings(rs.getArray("flags")), strings(rs.getArray("triage_reasons")));
        return new Complaint(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("external_id"),
                rs.getString("author_name"), rs.getString("author_handle"), rs.getString("text"), rs.getString("url"),
                rs.getObject("posted_at", OffsetDateTime.class), rs.getString("language_hint"),
                instant(rs.getTimestamp("received_at")), triage, rs.getBoolean("needs_draft"), rs.getString("redraft_hint"),
                rs.getString("report_back_note"), rs.getString("parent_external_id"), instant(rs.getTimestamp("withdrawn_at")),
                rs.getObject("incident_id", UUID.class));
    }
}
