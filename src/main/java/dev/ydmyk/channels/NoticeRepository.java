package dev.ydmyk.channels;

import dev.ydmyk.notices.Escalation;
import dev.ydmyk.notices.Notice;
import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/**
 * The notices tray's memory: every notice and escalation is kept, so a reload or a second instance
 * shows the same tray, until each agent dismisses it for themselves. {@code author} is set for
 * escalations (the page words them in the agent's language from their kind); {@code urgent} ones
 * (critical posts, on-call pings, a storm, replies that cannot go out) turn the tray button red.
 */
@ApplicationScoped
public class NoticeRepository {

    /** How far back the tray looks; older notices stay in the database for the record. */
    static final Duration KEPT = Duration.ofDays(7);
    static final int MAX = 200;

    public record Stored(long id, String kind, String title, List<String> lines, String author, UUID complaintId, UUID draftId,
                         boolean urgent, Instant at) {
    }

    private final Database db;
    private final Clock clock;

    public NoticeRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Notices saying approved replies are not reaching customers: the tray button turns red for them. */
    static final Set<String> URGENT_NOTICES = Set.of("facebook-token-expired", "email-unreachable", "publishing-failed");

    Stored record(Notice n) {
        return store(n.kind(), n.title(), n.lines(), null, null, null, URGENT_NOTICES.contains(n.kind()));
    }

    Stored record(Escalation e) {
        boolean urgent = e.onCall() != null || e.reason() == Escalation.Reason.CRITICAL || e.reason() == Escalation.Reason.INCIDENT_FORMED;
        // An incident's escalation carries "Incident: <title>" as its author; the tray names the incident once.
        String author = e.reason() == Escalation.Reason.INCIDENT_FORMED && e.author() != null
                ? e.author().replaceFirst("^Incident: ", "") : (e.author() == null ? "" : e.author());
        String who = e.author() == null ? "a customer" : author;
        String title = switch (e.reason()) {
            case CRITICAL -> "A complaint from " + who + " is critical (health, safety, grief, threats or the law): answer it first";
            case SLA_BREACH -> "A complaint from " + who + " has waited past its first-response deadline";
            case ENGAGEMENT_GROWING -> "A complaint from " + who + " is drawing reactions fast, out of hours";
            case SEVERE_AFTER_HOURS -> "A complaint from " + who + " is severe, out of hours";
            case INCIDENT_FORMED -> "An incident formed: " + who + ". Its public statement waits for approval";
        };
        List<String> lines = new ArrayList<>();
        if (e.onCall() != null) {
            lines.add(e.onCall().name() + " is on call");
        }
        if (e.excerpt() != null && !e.excerpt().isBlank()) {
            lines.add("“" + e.excerpt() + "”");
        }
        return store(e.reason().wire, title, lines, author, e.complaintId(), e.draftId(), urgent);
    }

    private Stored store(String kind, String title, List<String> lines, String author, UUID complaintId, UUID draftId, boolean urgent) {
        Instant at = clock.instant();
        long id = db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into notice (kind, title, lines, author, complaint_id, draft_id, urgent, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
                ps.setString(1, kind);
                ps.setString(2, title);
                ps.setArray(3, conn.createArrayOf("text", lines.toArray()));
                ps.setString(4, author);
                ps.setObject(5, complaintId);
                ps.setObject(6, draftId);
                ps.setBoolean(7, urgent);
                ps.setTimestamp(8, ts(at));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new Stored(id, kind, title, List.copyOf(lines), author, complaintId, draftId, urgent, at);
    }

    /** What the agent has not dismissed from the last week, newest first. */
    public List<Stored> unread(String agent) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    select * from notice n where n.created_at > ?
                    and not exists (select 1 from notice_dismissal d where d.notice_id = n.id and d.agent = ?)
                    order by n.created_at desc, n.id desc limit ?""")) {
                ps.setTimestamp(1, ts(clock.instant().minus(KEPT)));
                ps.setString(2, agent);
                ps.setInt(3, MAX);
                List<Stored> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    public Optional<Stored> find(long id) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select * from notice where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Stored>empty();
                }
            }
        });
    }

    public static Map<String, Integer> counts(List<Stored> notices) {
        Map<String, Integer> counts = new TreeMap<>();
        notices.forEach(n -> counts.merge(n.kind(), 1, Integer::sum));
        return counts;
    }

    /** Dismisses notices for one agent only (by id, or every one of a kind); answers how many were newly dismissed. */
    public int dismiss(String agent, List<Long> ids, String kind) {
        return db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into notice_dismissal (notice_id, agent, at)
                    select id, ?, ? from notice where (id = any (?) or kind = ?) on conflict do nothing""")) {
                ps.setString(1, agent);
                ps.setTimestamp(2, ts(clock.instant()));
                ps.setArray(3, conn.createArrayOf("bigint", ids.toArray()));
                ps.setString(4, kind);
                return ps.executeUpdate();
            }
        });
    }

    private static Stored read(ResultSet rs) throws SQLException {
        Array lines = rs.getArray("lines");
        return new Stored(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
                lines == null ? List.of() : Arrays.asList((String[]) lines.getArray()), rs.getString("author"),
                rs.getObject("complaint_id", UUID.class), rs.getObject("draft_id", UUID.class), rs.getBoolean("urgent"),
                instant(rs.getTimestamp("created_at")));
    }
}
