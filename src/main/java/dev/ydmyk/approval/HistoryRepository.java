package dev.ydmyk.approval;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;

/**
 * What happened to complaints, for agents looking back: what was sent, rejected, kept as spam or
 * withdrawn, and who decided; searchable over the post, the draft and the reply, and by customer.
 */
@ApplicationScoped
public class HistoryRepository {

    /** The views, and what each one means. */
    static final Map<String, String> STATUSES = Map.of(
            "all", "true",
            "pending", "d.status = 'pending'",
            "sent", "r.sent_at is not null",
            "rejected", "d.status = 'rejected'",
            "spam", "c.kind = 'spam'",
            "withdrawn", "d.status = 'withdrawn'");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID id, String source, Author author, String text, Instant receivedAt, String status, Triage triage,
                       Reply reply, Decision decision) {
    }

    public record Author(String name, String handle) {
    }

    public record Triage(String language, String kind, String severity) {
    }

    public record Reply(String text, String language, String agent, Instant sentAt) {
    }

    public record Decision(String action, String by, String note, Instant at) {
    }

    public record Page(long total, int offset, int limit, List<Item> items) {
    }

    private final Database db;
    private final Credentials credentials;

    public HistoryRepository(Database db, Credentials credentials) {
        this.db = db;
        this.credentials = credentials;
    }

    public Page find(String status, String q, String source, String handle, int offset, int limit) {
        String where = STATUSES.get(status);
        if (where == null) {
            throw Problem.invalid("status", "status must be one of " + STATUSES.keySet().stream().sorted().toList());
        }
        String from = """
                from complaint c
                left join lateral (select * from reply r where r.complaint_id = c.id order by r.approved_at limit 1) r on true
                left join lateral (select * from draft d where d.complaint_id = c.id order by d.created_at desc limit 1) d on true
                where\s""" + where + " " + """
                and (?::text is null or strpos(lower(c.text), lower(?)) > 0 or strpos(lower(coalesce(c.author_name, '')), lower(?)) > 0
                     or strpos(lower(coalesce(r.text, '')), lower(?)) > 0 or strpos(lower(coalesce(d.text, '')), lower(?)) > 0)
                and (?::text is null or c.source = ?) and (?::text is null or c.author_handle = ?)""";
        return db.read(conn -> {
            long total;
            try (PreparedStatement ps = conn.prepareStatement("select count(*) " + from)) {
                bind(ps, q, source, handle);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Item> items = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    select c.id, c.source, c.author_name, c.author_handle, c.text, c.received_at, c.language, c.kind, c.severity,
                           r.text as reply_text, r.agent as reply_agent, r.sent_at, r.approved_at,
                           d.status as draft_status, d.language as draft_language, d.decided_by, d.decided_at, d.decision_note\s"""
                    + from + " order by c.received_at desc, c.id offset ? limit ?")) {
                int i = bind(ps, q, source, handle);
                ps.setInt(i++, offset);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(item(rs));
                    }
                }
            }
            return new Page(total, offset, limit, items);
        });
    }

    private static int bind(PreparedStatement ps, String q, String source, String handle) throws SQLException {
        int i = 1;
        for (int n = 0; n < 5; n++) {
            ps.setString(i++, q);
        }
        ps.setString(i++, source);
        ps.setString(i++, source);
        ps.setString(i++, handle);
        ps.setString(i++, handle);
        return i;
    }

    private Item item(ResultSet rs) throws SQLException {
        String draftStatus = rs.getString("draft_status");
        Instant sentAt = instant(rs.getTimestamp("sent_at"));
        String replyText = rs.getString("reply_text");
        Reply reply = replyText == null ? null : new Reply(replyText, rs.getString("draft_language"), rs.getString("reply_agent"), sentAt);
        Decision decision;
        String status;
        if (replyText != null) {
            status = sentAt != null ? "sent" : "approved";
            decision = new Decision("approved", rs.getString("reply_agent"), null, instant(rs.getTimestamp("approved_at")));
        } else if ("spam".equals(rs.getString("kind")) && draftStatus == null) {
            status = "spam";
            decision = new Decision("spam", null, null, null);
        } else if (draftStatus == null) {
            status = "received";
            decision = null;
        } else {
            status = draftStatus;
            decision = "pending".equals(draftStatus) ? new Decision("pending", null, null, null)
                    : new Decision(draftStatus, name(rs.getString("decided_by")), rs.getString("decision_note"),
                    instant(rs.getTimestamp("decided_at")));
        }
        return new Item(rs.getObject("id", UUID.class), rs.getString("source"),
                new Author(rs.getString("author_name"), rs.getString("author_handle")), rs.getString("text"),
                instant(rs.getTimestamp("received_at")), status,
                new Triage(rs.getString("language"), rs.getString("kind"), rs.getString("severity")), reply, decision);
    }

    private String name(String login) {
        return credentials.nameOf(login);
    }
}
