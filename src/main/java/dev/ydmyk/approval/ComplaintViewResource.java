package dev.ydmyk.approval;

import dev.ydmyk.agents.AgentOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import static dev.ydmyk.intake.ComplaintResource.parseId;

/** A complaint's whole story for agents: triage, drafts, replies, follow-ups and the audit trail. */
@Path("/api/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintViewResource {

    private final Views views;

    public ComplaintViewResource(Views views) {
        this.views = views;
    }

    @GET
    @Path("{id}")
    @AgentOnly
    @Operation(summary = "A complaint with its triage, drafts, sent reply and audit trail")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "404", description = "No such complaint")
    public Views.ComplaintView get(@PathParam("id") String id) {
        return views.complaint(parseId(id, "complaint"));
    }
}
