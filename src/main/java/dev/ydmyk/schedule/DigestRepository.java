package dev.ydmyk.schedule;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/** What the morning digest reads: the night's complaints, the drafts waiting, and which days were sent. */
@ApplicationScoped
public class DigestRepository {

    /** A complaint of the night and its first public response (reply or holding reply), if any. */
    public record NightComplaint(String authorName, String severity, Instant receivedAt, Instant repliedAt, Instant heldAt) {
    }

    /** Claims the day's digest; false if another instance (or an earlier run) already sent it. */
    public boolean claimDay(Connection conn, LocalDate day, Instant now) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("insert into digest (day, at) values (?, ?) on conflict do nothing")) {
            ps.setObject(1, day);
            ps.setTimestamp(2, ts(now));
            return ps.executeUpdate() == 1;
        }
    }

    public List<NightComplaint> complaints(Connection conn, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                select c.author_name, c.severity, c.received_at,
                       (select min(r.sent_at) from reply r where r.complaint_id = c.id) as replied,
                       (select h.sent_at from holding_reply h where h.complaint_id = c.id) as held
                from complaint c where c.kind = 'complaint' and c.received_at >= ? and c.received_at < ?
                order by c.received_at""")) {
            ps.setTimestamp(1, ts(from));
            ps.setTimestamp(2, ts(to));
            List<NightComplaint> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NightComplaint(rs.getString("author_name"), rs.getString("severity"), instant(rs.getTimestamp("received_at")),
                            instant(rs.getTimestamp("replied")), instant(rs.getTimestamp("held"))));
                }
            }
            return out;
        }
    }

    public int pendingDrafts(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select count(*) from draft where status = 'pending'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
