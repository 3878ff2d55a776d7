package dev.ydmyk.channels;

import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.agents.CurrentCaller;
import dev.ydmyk.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The notices tray: what each agent has not yet dismissed. */
@Path("/api/notices")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    public record Dismiss(@Size(max = 1000) List<Long> ids, @Size(max = 100) String kind) {
    }

    private final NoticeRepository board;
    private final CurrentCaller caller;

    public NoticeResource(NoticeRepository board, CurrentCaller caller) {
        this.board = board;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Notices of the last 7 days you have not dismissed, newest first, with counts per kind")
    public Map<String, Object> unread() {
        List<NoticeRepository.Stored> notices = board.unread(caller.agent().login());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("counts", NoticeRepository.counts(notices));
        out.put("notices", notices);
        return out;
    }

    @POST
    @Path("dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dismiss notices for yourself: {\"ids\":[…]} or {\"kind\":\"sla-breach\"}; colleagues still see them")
    @APIResponse(responseCode = "200", description = "{\"dismissed\": N}")
    @APIResponse(responseCode = "400", description = "Neither ids nor kind given")
    public Map<String, Integer> dismiss(@Valid Dismiss body) {
        boolean noIds = body == null || body.ids() == null || body.ids().isEmpty();
        if (noIds && (body == null || body.kind() == null || body.kind().isBlank())) {
            throw Problem.invalid("ids", "ids (a list of notice ids) or kind is required");
        }
        if (!noIds && body.ids().stream().anyMatch(id -> id == null)) {
            throw Problem.invalid("ids", "ids must be notice ids (whole numbers)");
        }
        return Map.of("dismissed", board.dismiss(caller.agent().login(), noIds ? List.of() : body.ids(), body.kind()));
    }
}
