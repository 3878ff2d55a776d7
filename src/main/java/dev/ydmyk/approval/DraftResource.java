package dev.ydmyk.approval;

import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.agents.CurrentCaller;
import dev.ydmyk.drafting.Draft;
import dev.ydmyk.drafting.DraftStatus;
import dev.ydmyk.intake.NewComplaint;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Arrays;
import java.util.List;

import static dev.ydmyk.intake.ComplaintResource.parseId;

@Path("/api/drafts")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {

    /** A note's limit, as ApprovalService holds it; checked here too so that a bad body is refused before the draft is looked up. */
    static final int MAX_NOTE = 2_000;

    public record ApproveBody(@Storable @Size(max = NewComplaint.MAX_TEXT) String text, @Storable @Size(max = MAX_NOTE) String override) {
    }

    public record RejectBody(@Storable @Size(max = MAX_NOTE) String reason) {
    }

    public record RedraftBody(@Storable @Size(max = MAX_NOTE) String hint) {
    }

    private final ApprovalService approvals;
    private final Views views;
    private final CurrentCaller caller;

    public DraftResource(ApprovalService approvals, Views views, CurrentCaller caller) {
        this.approvals = approvals;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The approval queue", description = "Complaints before questions before praise, then severity, then oldest first.")
    @APIResponse(responseCode = "200", description = "Drafts in that status")
    @APIResponse(responseCode = "400", description = "Unknown status, bad limit or offset")
    public List<Views.DraftView> queue(@QueryParam("status") @DefaultValue("pending") String status,
                                       @QueryParam("limit") @DefaultValue("100") String limit,
                                       @QueryParam("offset") @DefaultValue("0") String offset) {
        DraftStatus s;
        try {
            s = DraftStatus.of(status);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("status", "status must be one of " + Arrays.stream(DraftStatus.values()).map(DraftStatus::wire).toList());
        }
        int n = Problem.wholeNumber("limit", limit, 1, 500);
        int from = Problem.wholeNumber("offset", offset, 0, 1_000_000);
        return views.queue(s, from, n);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One draft, with the complaint it answers")
    @APIResponse(responseCode = "200", description = "The draft")
    @APIResponse(responseCode = "404", description = "No such draft")
    public Views.DraftView get(@PathParam("id") String id) {
        return views.draft(parseId(id, "draft"));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a draft, optionally edited; the reply is signed with your name and sent")
    @APIResponse(responseCode = "200", description = "Approved (and sent, unless publishing is retrying)")
    @APIResponse(responseCode = "409", description = "Already decided")
    @APIResponse(responseCode = "422", description = "The tone check flagged the text; give an override reason to send anyway")
    public Views.DraftView approve(@PathParam("id") String id, @Valid ApproveBody body) {
        Draft d = approvals.approve(parseId(id, "draft"), caller.agent(),
                body == null ? null : new ApprovalService.Approval(body.text(), body.override()));
        return views.withComplaint(d);
    }

    @POST
    @Path("{id}/undo")
    @Operation(summary = "Take an approval back within the undo window (ydmyk.approval.undo): the draft is pending again")
    @APIResponse(responseCode = "200", description = "Pending again; nothing was sent")
    @APIResponse(responseCode = "404", description = "No such draft")
    @APIResponse(responseCode = "409", description = "Publishing has started, or the draft is not approved")
    public Views.DraftView undo(@PathParam("id") String id) {
        return views.withComplaint(approvals.undo(parseId(id, "draft"), caller.agent()));
    }

    @POST
    @Path("{id}/take")
    @Operation(summary = "Take a pending draft: colleagues see who has it and it leaves their queue until released or idle (ydmyk.approval.take-idle)")
    @APIResponse(responseCode = "200", description = "Yours (taking it again keeps it yours)")
    @APIResponse(responseCode = "409", description = "A colleague has it, or it is no longer pending")
    public Views.DraftView take(@PathParam("id") String id) {
        return views.withComplaint(approvals.take(parseId(id, "draft"), caller.agent()));
    }

    @POST
    @Path("{id}/release")
    @Operation(summary = "Let a taken draft go back to everyone's queue")
    @APIResponse(responseCode = "200", description = "Released (or nobody had it)")
    @APIResponse(responseCode = "409", description = "A colleague has it and is not idle")
    public Views.DraftView release(@PathParam("id") String id) {
        return views.withComplaint(approvals.release(parseId(id, "draft"), caller.agent()));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a draft with a reason")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "409", description = "Already decided")
    public Views.DraftView reject(@PathParam("id") String id, @Valid RejectBody body) {
        return views.withComplaint(approvals.reject(parseId(id, "draft"), caller.agent(), body == null ? null : body.reason()));
    }

    @POST
    @Path("{id}/redraft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for a new draft, with a hint for the drafter")
    @APIResponse(responseCode = "202", description = "A new pending draft will follow")
    @APIResponse(responseCode = "409", description = "Already decided")
    public Response redraft(@PathParam("id") String id, @Valid RedraftBody body) {
        Draft d = approvals.redraft(parseId(id, "draft"), caller.agent(), body == null ? null : body.hint());
        return Response.accepted(views.withComplaint(d)).build();
    }
}
