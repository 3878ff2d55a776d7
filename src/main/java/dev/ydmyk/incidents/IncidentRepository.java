package dev.ydmyk.incidents;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.strings;
import static dev.ydmyk.storage.Database.ts;

/** SQL for incidents and their members. Membership is a column of the complaint; size is kept on the incident. */
@ApplicationScoped
public class IncidentRepository {

    /** A member as the detector and the wording need it. */
    record Member(UUID id, String source, String externalId, String authorName, String authorHandle, String text, String language,
                  List<String> topics, String kind, String parentExternalId, Instant receivedAt, UUID incidentId, boolean erased) {
    }

    /** A pending draft of an incident, with why it must be decided by a person (null: it may be approved in bulk). */
    record Pending(UUID draftId, UUID complaintId, String held) {
    }

    /** A statement draft of the incident, with where it was published. */
    record Statement(UUID draftId, String language, String status, String text, String externalId, Instant createdAt) {
        /** Pending, approved or sent: it speaks for its language (a rejected or withdrawn one does not). */
        boolean live() {
            return !status.equals("rejected") && !status.equals("withdrawn");
        }
    }

    private final Database db;

    public IncidentRepository(Database db) {
        this.db = db;
    }

    void create(Connection conn, Incident i) throws SQLException {
        update(conn, """
                insert into incident (id, status, title, topics, thread, formed_at, first_at, last_at, size)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0)""", i.id(), i.status(), i.title(), conn.createArrayOf("text", i.topics().toArray()),
                i.thread(), ts(i.formedAt()), ts(i.firstAt()), ts(i.lastAt()));
    }

    /** Makes a complaint a member; false if it already belongs to an incident. */
    boolean join(Connection conn, UUID incidentId, UUID complaintId) throws SQLException {
        if (update(conn, "update complaint set incident_id = ? where id = ? and incident_id is null", incidentId, complaintId) == 0) {
            return false;
        }
        update(conn, """
                update incident i set size = i.size + 1,
                  first_at = least(i.first_at, c.received_at), last_at = greatest(i.last_at, c.received_at)
                from complaint c where i.id = ? and c.id = ?""", incidentId, complaintId);
        return true;
    }

    /**
     * Moves one incident's members and their acknowledgements and report-backs to another (its statements stay
     * with it), widens the other's size, times and topics, and marks it merged; the number of members moved.
     */
    int merge(Connection conn, UUID fromId, UUID intoId, String agent, Instant at) throws SQLException {
        int moved = update(conn, "update complaint set incident_id = ? where incident_id = ?", intoId, fromId);
        update(conn, "update draft set incident_id = ? where incident_id = ? and purpose <> 'statement'", intoId, fromId);
        update(conn, """
                update incident i set size = i.size + ?, first_at = least(i.first_at, f.first_at), last_at = greatest(i.last_at, f.last_at),
                  topics = i.topics || array(select t from unnest(f.topics) t where not t = any(i.topics))
                from incident f where i.id = ? and f.id = ?""", moved, intoId, fromId);
        update(conn, "update incident set status = 'merged', merged_into = ?, size = 0, resolved_at = ?, resolved_by = ?, "
                + "auto_approve_by = null, auto_approve_at = null where id = ?", intoId, ts(at), agent, fromId);
        return moved;
    }

    /** Takes a complaint out of its incident; false if it was not a member of this one. */
    boolean leave(Connection conn, UUID incidentId, UUID complaintId) throws SQLException {
        if (update(conn, "update complaint set incident_id = null where id = ? and incident_id = ?", complaintId, incidentId) == 0) {
            return false;
        }
        update(conn, "update incident set size = size - 1 where id = ?", incidentId);
        return true;
    }

    Optional<Incident> find(UUID id) {
        return db.read(conn -> find(conn, id, false));
    }

    Optional<Incident> lock(Connection conn, UUID id) throws SQLException {
        return find(conn, id, true);
    }

    private Optional<Incident> find(Connection conn, UUID id, boolean lock) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select * from incident where id = ?" + (lock ? " for update" : ""))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    List<Incident> list(String status, int limit) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "select * from incident where (? is null or status = ?) order by formed_at desc limit ?")) {
                ps.setString(1, status);
                ps.setString(2, status);
                ps.setInt(3, limit);
                List<Incident> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    List<Incident> open(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select * from incident where status = 'open' order by formed_at")) {
            List<Incident> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    /** Members, oldest first; {@code limit} from {@code offset}. */
    List<Member> members(Connection conn, UUID incidentId, int offset, int limit) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                select * from complaint where incident_id = ? order by received_at, id offset ? limit ?""")) {
            ps.setObject(1, incidentId);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            return members(ps);
        }
    }

    List<Member> members(UUID incidentId, int offset, int limit) {
        return db.read(conn -> members(conn, incidentId, offset, limit));
    }

    /** A complaint another instance's detector placed (or this one's), with the reading it was placed on. */
    record Placement(long seq, Member member) {
    }

    /** Writes down that the detector placed this complaint; the returned number orders all placements. */
    long placed(Connection conn, UUID complaintId, String language, List<String> topics) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("insert into placement (complaint_id, language, topics) values (?, ?, ?) returning seq")) {
            ps.setObject(1, complaintId);
            ps.setString(2, language);
            ps.setArray(3, conn.createArrayOf("text", topics.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The latest placement's number: where a detector that starts now begins reading. */
    long lastPlacement() {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select coalesce(max(seq), 0) from placement"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Placements after {@code seq}, oldest first, with each complaint as it is now (in an incident or not). */
    List<Placement> placementsAfter(long seq, int limit) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    select p.seq, c.id, c.source, c.external_id, c.author_name, c.author_handle, c.text, p.language, p.topics,
                      'complaint' as kind, c.parent_external_id, c.received_at, c.incident_id, c.erased_at
                    from placement p join complaint c on c.id = p.complaint_id where p.seq > ? order by p.seq limit ?""")) {
                ps.setLong(1, seq);
                ps.setInt(2, limit);
                List<Placement> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Placement(rs.getLong("seq"), member(rs)));
                    }
                }
                return out;
            }
        });
    }

    /** Complaints outside incidents received since {@code since}: the detector's pool after a restart. */
    List<Member> loose(Instant since, int limit) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    select * from complaint where incident_id is null and kind = 'complaint' and erased_at is null and received_at >= ?
                    order by received_at desc limit ?""")) {
                ps.setTimestamp(1, ts(since));
                ps.setInt(2, limit);
                List<Member> out = members(ps);
                Collections.reverse(out);
                return out;
            }
        });
    }

    /** When complaints arrived since {@code since} and their topics: the usual rate of each topic after a restart. */
    List<Arrival> arrivals(Instant since, int limit) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    select received_at, topics from complaint where kind = 'complaint' and received_at >= ?
                    order by received_at limit ?""")) {
                ps.setTimestamp(1, ts(since));
                ps.setInt(2, limit);
                List<Arrival> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Arrival(instant(rs.getTimestamp("received_at")),
                                rs.getArray("topics") == null ? List.of() : strings(rs.getArray("topics"))));
                    }
                }
                return out;
            }
        });
    }

    record Arrival(Instant at, List<String> topics) {
    }

    Optional<Member> member(Connection conn, UUID complaintId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select * from complaint where id = ?")) {
            ps.setObject(1, complaintId);
            List<Member> m = members(ps);
            return m.isEmpty() ? Optional.empty() : Optional.of(m.get(0));
        }
    }

    private static List<Member> members(PreparedStatement ps) throws SQLException {
        List<Member> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(member(rs));
            }
        }
        return out;
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("external_id"),
                rs.getString("author_name"), rs.getString("author_handle"), rs.getString("text"), rs.getString("language"),
                rs.getArray("topics") == null ? List.of() : strings(rs.getArray("topics")), rs.getString("kind"),
                rs.getString("parent_external_id"), instant(rs.getTimestamp("received_at")),
                rs.getObject("incident_id", UUID.class), rs.getTimestamp("erased_at") != null);
    }

    /** Whether the complaint already has an approved answer or acknowledgement of its own. */
    boolean answered(Connection conn, UUID complaintId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                select 1 from reply r join draft d on d.id = r.draft_id
                where r.complaint_id = ? and d.purpose in ('reply', 'acknowledgement')""")) {
            ps.setObject(1, complaintId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The complaint's pending ordinary drafts, withdrawn in favour of the incident's acknowledgement; their ids. */
    List<UUID> supersedePending(Connection conn, UUID complaintId, String note, Instant at) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                update draft set status = 'withdrawn', decided_by = 'ydmyk', decided_at = ?, decision_note = ?
                where complaint_id = ? and status = 'pending' and purpose in ('reply', 'acknowledgement') returning id""")) {
            ps.setTimestamp(1, ts(at));
            ps.setString(2, note);
            ps.setObject(3, complaintId);
            return ids(ps);
        }
    }

    /** Pending drafts of one purpose in the incident, each with the reason a person must decide it, if there is one. */
    List<Pending> pending(Connection conn, UUID incidentId, String purpose) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                select d.id, d.complaint_id,
                  case when c.severity in ('high', 'critical') then 'severe'
                       when 'injection' = any (coalesce(c.flags, '{}')) then 'tries to steer the assistant'
                       when jsonb_array_length(d.tone_findings) > 0 then 'the tone check flagged the draft'
                       when ? = 'acknowledgement' and exists (select 1 from reply r join draft rd on rd.id = r.draft_id
                            where r.complaint_id = c.id and rd.purpose in ('reply', 'acknowledgement')) then 'already answered'
                       when c.author_handle is not null and exists (select 1 from complaint e where e.incident_id = c.incident_id
                            and e.source = c.source and e.author_handle = c.author_handle and e.received_at < c.received_at)
                            then 'the customer''s second post'
                  end as held
                from draft d join complaint c on c.id = d.complaint_id
                where d.incident_id = ? and d.purpose = ? and d.status = 'pending'
                order by c.received_at, d.id""")) {
            ps.setString(1, purpose);
            ps.setObject(2, incidentId);
            ps.setString(3, purpose);
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)));
                }
            }
            return out;
        }
    }

    List<Pending> pending(UUID incidentId, String purpose) {
        return db.read(conn -> pending(conn, incidentId, purpose));
    }

    List<Statement> statements(Connection conn, UUID incidentId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                select d.id, d.language, d.status, coalesce(r.text, d.text) as text, r.external_id, d.created_at
                from draft d left join reply r on r.draft_id = d.id
                where d.incident_id = ? and d.purpose = 'statement' order by d.created_at, d.language""")) {
            ps.setObject(1, incidentId);
            List<Statement> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Statement(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs.getTimestamp(6))));
                }
            }
            return out;
        }
    }

    List<Statement> statements(UUID incidentId) {
        return db.read(conn -> statements(conn, incidentId));
    }

    /** Counts of the incident's drafts of one purpose by status. */
    Map<String, Integer> draftCounts(UUID incidentId, String purpose) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "select status, count(*) from draft where incident_id = ? and purpose = ? group by status")) {
                ps.setObject(1, incidentId);
                ps.setString(2, purpose);
                Map<String, Integer> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return out;
            }
        });
    }

    /** Members per language (as triaged). */
    Map<String, Integer> languages(UUID incidentId) {
        return counts("select coalesce(language, 'unknown'), count(*) from complaint where incident_id = ? group by 1 order by 2 desc",
                incidentId);
    }

    /** Arrivals per minute (ISO minute → count), oldest first. */
    Map<String, Integer> perMinute(UUID incidentId) {
        return counts("""
                select to_char(date_trunc('minute', received_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'), count(*)
                from complaint where incident_id = ? group by 1 order by 1""", incidentId);
    }

    private Map<String, Integer> counts(String sql, UUID incidentId) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setObject(1, incidentId);
                Map<String, Integer> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return out;
            }
        });
    }

    void standingApproval(Connection conn, UUID incidentId, String agent, Instant at) throws SQLException {
        update(conn, "update incident set auto_approve_by = ?, auto_approve_at = ? where id = ?", agent, ts(at), incidentId);
    }

    void resolve(Connection conn, UUID incidentId, String agent, String note, Instant at) throws SQLException {
        update(conn, """
                update incident set status = 'resolved', resolved_at = ?, resolved_by = ?, note = ?,
                  auto_approve_by = null, auto_approve_at = null where id = ?""", ts(at), agent, note, incidentId);
    }

    /** Records a growth milestone once; false if another instance or thread announced it already. */
    boolean announce(UUID incidentId, int milestone) {
        return db.tx(conn -> update(conn, "update incident set announced = ? where id = ? and announced < ?",
                milestone, incidentId, milestone) == 1);
    }

    /** Open follow-ups of the incident's members, closed as fixed when it is resolved; how many. */
    int closeFollowUps(Connection conn, UUID incidentId, String agent, String note, Instant at) throws SQLException {
        return update(conn, """
                update follow_up f set status = 'fixed', fixed_by = ?, fixed_at = ?, note = ?
                from complaint c where c.id = f.complaint_id and c.incident_id = ? and f.status = 'open'""",
                agent, ts(at), note, incidentId);
    }

    /** The members still waiting on an acknowledgement draft that was never approved; withdrawn when the incident is resolved. */
    List<UUID> withdrawPending(Connection conn, UUID incidentId, String purpose, String note, Instant at) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                update draft set status = 'withdrawn', decided_by = 'ydmyk', decided_at = ?, decision_note = ?
                where incident_id = ? and purpose = ? and status = 'pending' returning id""")) {
            ps.setTimestamp(1, ts(at));
            ps.setString(2, note);
            ps.setObject(3, incidentId);
            ps.setString(4, purpose);
            return ids(ps);
        }
    }

    private static List<UUID> ids(PreparedStatement ps) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        }
        return out;
    }

    private static Incident map(ResultSet rs) throws SQLException {
        return new Incident(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("title"), strings(rs.getArray("topics")),
                rs.getString("thread"), instant(rs.getTimestamp("formed_at")), instant(rs.getTimestamp("first_at")),
                instant(rs.getTimestamp("last_at")), rs.getInt("size"), rs.getInt("announced"), rs.getString("auto_approve_by"),
                instant(rs.getTimestamp("resolved_at")), rs.getString("resolved_by"), rs.getString("note"),
                rs.getObject("merged_into", UUID.class));
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
