package dev.ydmyk.schedule;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.problem.Problem;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    private final BusinessHours hours;
    private final OnCall onCall;
    private final ResponseTimeRepository responseTimes;
    private final Clock clock;

    public ScheduleResource(BusinessHours hours, OnCall onCall, ResponseTimeRepository responseTimes, Clock clock) {
        this.hours = hours;
        this.onCall = onCall;
        this.responseTimes = responseTimes;
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
        List<ResponseTimeRepository.Day> rows = responseTimes.perDay(hours.zone(), since);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("zone", hours.zone().getId());
        out.put("from", from);
        out.put("days", rows);
        return out;
    }
}
