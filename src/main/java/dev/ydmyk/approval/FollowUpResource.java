package dev.ydmyk.approval;

import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.agents.CurrentCaller;
import dev.ydmyk.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Set;

import static dev.ydmyk.intake.ComplaintResource.parseId;

@Path("/api/follow-ups")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    public record FixedBody(String note) {
    }

    private final FollowUps followUps;
    private final CurrentCaller caller;

    public FollowUpResource(FollowUps followUps, CurrentCaller caller) {
        this.followUps = followUps;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Follow-ups: what sent replies promised to come back about")
    public List<FollowUpRepository.FollowUp> list(@QueryParam("status") @DefaultValue("open") String status) {
        if (!Set.of("open", "fixed", "all").contains(status)) {
            throw Problem.invalid("status", "status must be open, fixed or all");
        }
        return followUps.list(status, null);
    }

    @POST
    @Path("{id}/fixed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a follow-up fixed with a note of what was done; a report-back draft follows for approval")
    public Response fixed(@PathParam("id") String id, FixedBody body) {
        return Response.accepted(followUps.fixed(parseId(id, "follow-up"), caller.agent(), body == null ? null : body.note())).build();
    }
}
