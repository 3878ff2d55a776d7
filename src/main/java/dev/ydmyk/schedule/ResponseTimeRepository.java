package dev.ydmyk.schedule;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static dev.ydmyk.storage.Database.ts;

/** Time to the first public response (reply or holding reply), per kind and local day. */
@ApplicationScoped
public class ResponseTimeRepository {

    public record Day(LocalDate day, String kind, int arrived, int answered, Long medianSeconds, Long p90Seconds) {
    }

    private final Database db;

    public ResponseTimeRepository(Database db) {
        this.db = db;
    }

    public List<Day> perDay(ZoneId zone, Instant since) {
        return db.read(conn -> {
            List<Day> list = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    select (c.received_at at time zone ?)::date as day, c.kind, count(*) as arrived, count(f.first) as answered,
                           percentile_cont(0.5) within group (order by extract(epoch from (f.first - c.received_at))) as median,
                           percentile_cont(0.9) within group (order by extract(epoch from (f.first - c.received_at))) as p90
                    from complaint c
                    left join lateral (select least((select min(r.sent_at) from reply r where r.complaint_id = c.id),
                                                    (select h.sent_at from holding_reply h where h.complaint_id = c.id)) as first) f on true
                    where c.received_at >= ? and c.kind in ('complaint', 'question', 'praise')
                    group by 1, 2 order by 1, case c.kind when 'complaint' then 0 when 'question' then 1 else 2 end""")) {
                ps.setString(1, zone.getId());
                ps.setTimestamp(2, ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Day(rs.getObject("day", LocalDate.class), rs.getString("kind"), rs.getInt("arrived"),
                                rs.getInt("answered"), seconds(rs, "median"), seconds(rs, "p90")));
                    }
                }
            }
            return list;
        });
    }

    private static Long seconds(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(v);
    }
}
