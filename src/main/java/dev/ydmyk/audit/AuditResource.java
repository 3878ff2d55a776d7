package dev.ydmyk.audit;

import dev.ydmyk.agents.AdminOnly;
import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.problem.CleanText;
import dev.ydmyk.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The audit a support lead is handed: who approved, edited, overrode, rejected, bulk-approved and erased what, and when. */
@Path("/api/audit")
@Tag(name = "Audit")
public class AuditResource {

    public static final String CSV = "text/csv";
    static final int MAX_LIMIT = 100_000;
    private static final Instant NO_END = Instant.parse("9999-12-31T00:00:00Z");

    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @AgentOnly
    @AdminOnly
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "People's decisions, oldest first (administrators)",
            description = "JSON, or CSV with Accept: text/csv or format=csv. Ydmyk-Truncated: true when more than limit matched.")
    @APIResponse(responseCode = "200", description = "The decisions in the period")
    @APIResponse(responseCode = "400", description = "A bad from, to, agent, format or limit (the problem names it)")
    @APIResponse(responseCode = "401", description = "No agent's credentials")
    @APIResponse(responseCode = "403", description = "The agent is no administrator")
    public Response list(@Parameter(description = "ISO instant or date (inclusive), e.g. 2026-11-20T08:00:00Z") @QueryParam("from") String from,
                         @Parameter(description = "ISO instant or date (exclusive)") @QueryParam("to") String to,
                         @Parameter(description = "An agent's login") @QueryParam("agent") String agent,
                         @Parameter(description = "json or csv (instead of the Accept header)") @QueryParam("format") String format,
                         @Parameter(description = "At most this many decisions (1-100000, default 10000)") @QueryParam("limit") String limit,
                         @Context HttpHeaders headers) {
        Instant start = from == null ? Instant.EPOCH : instant("from", from);
        Instant end = to == null ? NO_END : instant("to", to);
        if (!start.isBefore(end)) {
            throw Problem.invalid("to", "to must be later than from");
        }
        if (agent != null && (agent.isBlank() || agent.length() > 100 || CleanText.firstFault(agent) >= 0)) {
            throw Problem.invalid("agent", "agent must be an agent's login (1-100 characters)");
        }
        int n = limit(limit);
        boolean csv = csv(format, headers);
        List<AuditTrail.Decision> decisions = audit.decisions(start, end, agent, n + 1);
        boolean truncated = decisions.size() > n;
        List<AuditTrail.Decision> shown = truncated ? decisions.subList(0, n) : decisions;
        Response.ResponseBuilder r = csv
                ? Response.ok(csv(shown), CSV + "; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"ydmyk-audit.csv\"")
                : Response.ok(shown, MediaType.APPLICATION_JSON);
        return r.header("Ydmyk-Truncated", String.valueOf(truncated)).build();
    }

    /** An instant with its offset, or a date (midnight UTC). A '+' sent unencoded in the query arrives as a space. */
    static Instant instant(String field, String value) {
        String v = value.strip().replace(' ', '+');
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, field + " must be an ISO-8601 instant such as 2026-11-20T08:00:00Z (or +01:00), or a date such as 2026-11-20");
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 10_000;
        }
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_LIMIT) {
            throw Problem.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        return n;
    }

    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw Problem.invalid("format", "format must be json or csv");
            };
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType()) {
                return false;
            }
            if (m.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    static String csv(List<AuditTrail.Decision> decisions) {
        StringBuilder b = new StringBuilder("at,agent,decision,action,complaintId,draftId,detail\r\n");
        for (AuditTrail.Decision d : decisions) {
            b.append(Stream.of(d.at(), d.agent(), d.decision(), d.action(), d.complaintId(), d.draftId(), d.detail())
                    .map(AuditResource::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return b.toString();
    }

    /** RFC 4180 quoting; a cell a spreadsheet would read as a formula (=, +, -, @) starts with ' instead. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
