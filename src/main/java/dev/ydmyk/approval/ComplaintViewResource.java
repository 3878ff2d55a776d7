package dev.ydmyk.approval;

import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.problem.CleanText;
import dev.ydmyk.problem.Problem;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import static dev.ydmyk.intake.ComplaintResource.parseId;

/** A complaint's whole story for agents: triage, drafts, replies, follow-ups and the audit trail. */
@Path("/api/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintViewResource {

    private final Views views;
    private final HistoryRepository history;

    public ComplaintViewResource(Views views, HistoryRepository history) {
        this.views = views;
        this.history = history;
    }

    @GET
    @AgentOnly
    @Operation(summary = "Complaints, newest first, a page at a time: what was sent, rejected, kept as spam or withdrawn, and by whom",
            description = "status: all, pending, sent, rejected, spam or withdrawn; q searches the post, the author, the draft and the reply; "
                    + "source and handle give one customer's posts.")
    @APIResponse(responseCode = "200", description = "{total, offset, limit, items}")
    @APIResponse(responseCode = "400", description = "Unknown status, bad offset or limit, or a handle without its source")
    public HistoryRepository.Page list(@QueryParam("status") @DefaultValue("all") String status, @QueryParam("q") String q,
                             @QueryParam("source") String source, @QueryParam("handle") String handle,
                             @QueryParam("offset") @DefaultValue("0") String offset, @QueryParam("limit") @DefaultValue("50") String limit) {
        if (handle != null && (source == null || source.isBlank())) {
            throw Problem.invalid("source", "source is required with handle: a handle is one customer on one source");
        }
        if (q != null && q.length() > 200) {
            throw Problem.invalid("q", "q must be at most 200 characters");
        }
        storable("q", q);
        storable("source", source);
        storable("handle", handle);
        return history.find(status, q == null || q.isBlank() ? null : q.strip(), source, handle,
                Problem.wholeNumber("offset", offset, 0, 1_000_000), Problem.wholeNumber("limit", limit, 1, 200));
    }

    /** Words the database can compare: no NUL, control characters or lone surrogates. */
    private static void storable(String field, String value) {
        if (value != null && CleanText.firstFault(value) >= 0) {
            throw Problem.invalid(field, field + " contains a character that is not text");
        }
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
