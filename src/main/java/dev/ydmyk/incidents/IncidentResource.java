package dev.ydmyk.incidents;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.agents.CurrentCaller;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.problem.Storable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.ydmyk.intake.ComplaintResource.parseId;

/** Storms for agents: the open incidents, their statement and members, and the bulk decisions on them. */
@Path("/api/incidents")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    public record ApproveBody(@Size(max = 40) String purpose, @Size(max = 100_000) List<String> except,
                              @JsonProperty("continue") Boolean continueAfter) {
    }

    public record ResolveBody(@Storable @Size(max = 2_000) String note) {
    }

    public record DetachBody(@Size(max = 36) String complaintId) {
    }

    public record MergeBody(@Size(max = 36) String into) {
    }

    public record BulkAnswer(int approved, int held) {
    }

    private final Incidents incidents;
    private final IncidentViews views;
    private final CurrentCaller caller;

    public IncidentResource(Incidents incidents, IncidentViews views, CurrentCaller caller) {
        this.incidents = incidents;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Incidents, newest first", description = "status=open or resolved; all when left out.")
    @APIResponse(responseCode = "200", description = "The incidents")
    @APIResponse(responseCode = "400", description = "Unknown status")
    public List<IncidentViews.Summary> list(@QueryParam("status") String status) {
        return incidents.list(status).stream().map(views::summary).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One incident: its size, languages, arrivals per minute, statements and acknowledgement counts")
    @APIResponse(responseCode = "200", description = "The incident")
    @APIResponse(responseCode = "404", description = "No such incident")
    public IncidentViews.Detail get(@PathParam("id") String id) {
        return views.detail(parseId(id, "incident"));
    }

    @GET
    @Path("{id}/complaints")
    @Operation(summary = "The incident's complaints, oldest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of members")
    @APIResponse(responseCode = "400", description = "Bad offset or limit")
    @APIResponse(responseCode = "404", description = "No such incident")
    public IncidentViews.Page complaints(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") String offset,
                                         @QueryParam("limit") @DefaultValue("100") String limit) {
        int from = Problem.wholeNumber("offset", offset, 0, Integer.MAX_VALUE);
        int n = Problem.wholeNumber("limit", limit, 1, 500);
        return views.members(parseId(id, "incident"), from, n);
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve every pending acknowledgement (or report-back) of the incident at once",
            description = "Severe posts, flagged injections, a customer's second post, the already answered and drafts the tone "
                    + "check flags are held for one-by-one handling. \"continue\": true approves later members on arrival.")
    @APIResponse(responseCode = "200", description = "{\"approved\": N, \"held\": M}")
    @APIResponse(responseCode = "400", description = "Bad purpose or except")
    @APIResponse(responseCode = "404", description = "No such incident")
    @APIResponse(responseCode = "409", description = "continue on a resolved incident")
    public BulkAnswer approve(@PathParam("id") String id, @Valid ApproveBody body) {
        if (body == null) {
            throw Problem.invalid("purpose", "purpose is required: \"acknowledgement\" or \"report-back\"");
        }
        List<UUID> except = new ArrayList<>();
        if (body.except() != null) {
            for (String e : body.except()) {
                try {
                    except.add(UUID.fromString(e));
                } catch (IllegalArgumentException | NullPointerException ex) {
                    throw Problem.invalid("except", "except must list draft ids; not one: " + (e == null ? "null" : e.length() > 40 ? e.substring(0, 40) : e));
                }
            }
        }
        Incidents.BulkResult r = incidents.approve(parseId(id, "incident"), caller.agent(), body.purpose(), except,
                Boolean.TRUE.equals(body.continueAfter()));
        return new BulkAnswer(r.approved(), r.held());
    }

    @POST
    @Path("{id}/stop-auto")
    @Operation(summary = "Stop approving later members' acknowledgements on arrival")
    @APIResponse(responseCode = "200", description = "The incident")
    @APIResponse(responseCode = "404", description = "No such incident")
    @APIResponse(responseCode = "409", description = "Nothing was approved on arrival")
    public IncidentViews.Detail stopAuto(@PathParam("id") String id) {
        UUID incident = parseId(id, "incident");
        incidents.stopAuto(incident, caller.agent());
        return views.detail(incident);
    }

    @POST
    @Path("{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve the incident: an update to the statement and a report-back to every member are drafted")
    @APIResponse(responseCode = "200", description = "The resolved incident")
    @APIResponse(responseCode = "400", description = "No note")
    @APIResponse(responseCode = "404", description = "No such incident")
    @APIResponse(responseCode = "409", description = "Already resolved")
    public IncidentViews.Detail resolve(@PathParam("id") String id, @Valid ResolveBody body) {
        UUID incident = parseId(id, "incident");
        incidents.resolve(incident, caller.agent(), body == null ? null : body.note());
        return views.detail(incident);
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "One storm told as two incidents: this one's complaints join the other",
            description = "Members, acknowledgements and report-backs move to \"into\", whose statement speaks for all; this "
                    + "incident's pending statements are withdrawn and it stays on record with status \"merged\".")
    @APIResponse(responseCode = "200", description = "The incident merged into, grown")
    @APIResponse(responseCode = "400", description = "No into, or this incident itself")
    @APIResponse(responseCode = "404", description = "No such incident")
    @APIResponse(responseCode = "409", description = "One of the two is not open")
    public IncidentViews.Detail merge(@PathParam("id") String id, @Valid MergeBody body) {
        UUID incident = parseId(id, "incident");
        UUID into = bodyId(body == null ? null : body.into(), "into", "into is required: the id of the open incident to merge this one into",
                "into must be an incident's id");
        Incident merged = incidents.merge(incident, into, caller.agent());
        return views.detail(merged.id());
    }

    @POST
    @Path("{id}/detach")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a complaint that does not belong out of the incident; it gets its ordinary draft")
    @APIResponse(responseCode = "200", description = "The incident")
    @APIResponse(responseCode = "400", description = "No complaintId")
    @APIResponse(responseCode = "404", description = "No such incident")
    @APIResponse(responseCode = "409", description = "Not a member")
    public IncidentViews.Detail detach(@PathParam("id") String id, @Valid DetachBody body) {
        UUID incident = parseId(id, "incident");
        UUID complaint = bodyId(body == null ? null : body.complaintId(), "complaintId", "complaintId is required",
                "complaintId must be a complaint's id");
        incidents.detach(incident, complaint, caller.agent());
        return views.detail(incident);
    }

    /** An id the body must carry: 400 naming the field when it is missing or no id. */
    private static UUID bodyId(String value, String field, String missing, String malformed) {
        if (value == null) {
            throw Problem.invalid(field, missing);
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(field, malformed);
        }
    }
}
