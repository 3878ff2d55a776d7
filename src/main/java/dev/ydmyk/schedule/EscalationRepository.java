package dev.ydmyk.schedule;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/** Complaints still waiting for a first public response, and the escalations made for them (once per reason). */
@ApplicationScoped
public class EscalationRepository {

    /** A complaint without a sent reply or holding reply; {@code draft} is its newest pending draft, if any. */
    public record Waiting(UUID id, UUID draft, String author, String text, String severity, Instant received, double growth) {
    }

    private final Database db;

    public EscalationRepository(Database db) {
        this.db = db;
    }

    /** Complaints received in (from, to] that no reply or holding reply has answered yet, oldest first. */
    public List<Waiting> waiting(Instant from, Instant to) {
        return db.read(conn -> {
            List<Waiting> list = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    select c.id, c.author_name, c.text, c.severity, c.received_at, coalesce(c.engagement_per_hour, 0) as growth,
                           (select d.id from draft d where d.complaint_id = c.id and d.status = 'pending'
                            order by d.created_at desc limit 1) as draft_id
                    from complaint c
                    where c.kind = 'complaint' and c.incident_id is null and c.received_at > ? and c.received_at <= ?
                      and c.erased_at is null
                      and not exists (select 1 from reply r where r.complaint_id = c.id and r.sent_at is not null)
                      and not exists (select 1 from holding_reply h where h.complaint_id = c.id and h.sent_at is not null)
                    order by c.received_at""")) {
                ps.setTimestamp(1, ts(from));
                ps.setTimestamp(2, ts(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Waiting(rs.getObject("id", UUID.class), rs.getObject("draft_id", UUID.class),
                                rs.getString("author_name"), rs.getString("text"), rs.getString("severity"),
                                instant(rs.getTimestamp("received_at")), rs.getDouble("growth")));
                    }
                }
            }
            return list;
        });
    }

    /** Records an escalation; false if this complaint was already escalated for this reason. */
    public boolean record(UUID complaint, String reason, Instant now, String onCallLogin) {
        return db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "insert into escalation (complaint_id, reason, at, on_call) values (?, ?, ?, ?) on conflict do nothing")) {
                ps.setObject(1, complaint);
                ps.setString(2, reason);
                ps.setTimestamp(3, ts(now));
                ps.setString(4, onCallLogin);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
