package dev.ydmyk.schedule;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.storage.Database;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ydmyk.storage.Database.ts;

@Path("/api")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    public record Day(LocalDate day, String kind, int arrived, int answered, Long medianSeconds, Long p90Seconds) {
    }

    private final BusinessHours hours;
    private final OnCall onCall;
    private final Database db;
    private final Clock clock;

    public ScheduleResource(BusinessHours hours, OnCall onCall, Database db, Clock clock) {
        this.hours = hours;
        this.onCall = onCall;
        this.db = db;
        this.clock = clock;
    }

    @GET
    @Path("schedule")
    @Operation(summary = "Is it office hours, when do we open, and who is on call")
    public Map<String, Object> status() {
        Instant now = clock.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("zone", hours.zone().getId());
        out.put("officeHours", hours.isOpen(now));
        out.put("nextOpening", hours.nextOpening(now).orElse(null));
        out.put("onCall", onCall.at(now).map(Agent::name).orElse(null));
        return out;
    }

    @GET
    @Path("reports/response")
    @Operation(summary = "Per kind and day: how many arrived, how many got a first public response (reply or holding reply), "
            + "median and p90 time to it",
            description = "The Altibox lesson: complaints must not wait while praise is answered.")
    public Map<String, Object> response(@QueryParam("days") @DefaultValue("14") String daysParam) {
        int days;
        try {
            days = Integer.parseInt(daysParam);
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 1 || days > 366) {
            throw Problem.invalid("days", "days must be a whole number from 1 to 366");
        }
        LocalDate from = clock.instant().atZone(hours.zone()).toLocalDate().minusDays(days - 1L);
        Instant since = from.atStartOfDay(hours.zone()).toInstant();
        List<Day> rows = db.read(conn -> {
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
                ps.setString(1, hours.zone().getId());
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("zone", hours.zone().getId());
        out.put("from", from);
        out.put("days", rows);
        return out;
    }

    private static Long seconds(ResultSet rs, String column) throws java.sql.SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(v);
    }
}
