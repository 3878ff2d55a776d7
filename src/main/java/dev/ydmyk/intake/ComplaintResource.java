package dev.ydmyk.intake;

import dev.ydmyk.agents.CurrentCaller;
import dev.ydmyk.agents.SourceOnly;
import dev.ydmyk.problem.Problem;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@Path("/api/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    private final IntakeService intake;
    private final ComplaintStatus status;
    private final CurrentCaller caller;

    public ComplaintResource(IntakeService intake, ComplaintStatus status, CurrentCaller caller) {
        this.intake = intake;
        this.status = status;
        this.caller = caller;
    }

    @POST
    @SourceOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take in a complaint", description = "Stored before the answer; a draft follows within a second.")
    @APIResponse(responseCode = "201", description = "New complaint stored")
    @APIResponse(responseCode = "200", description = "Already stored for this (source, externalId); nothing duplicated")
    @APIResponse(responseCode = "400", description = "Invalid body; the problem names the field")
    @APIResponse(responseCode = "401", description = "No valid source token")
    @APIResponse(responseCode = "403", description = "The token is not for this source")
    @APIResponse(responseCode = "413", description = "Body over 1 MiB")
    @APIResponse(responseCode = "415", description = "Not JSON, or not UTF-8")
    public Response receive(@Valid NewComplaint body, UriInfo uri) {
        if (body == null) {
            throw Problem.invalid(null, "A JSON body is required");
        }
        body.validated();
        if (!caller.sources().contains(body.source())) {
            throw new Problem(403, "Forbidden", "This token may not post complaints for source '" + body.source() + "'",
                    "source", null);
        }
        ComplaintRepository.Stored stored = intake.accept(body);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", stored.id());
        answer.put("status", stored.created() ? "received" : status.of(stored.id()));
        return stored.created()
                ? Response.created(uri.getBaseUriBuilder().path("api/complaints").path(stored.id().toString()).build())
                .entity(answer).build()
                : Response.ok(answer).header("Location", uri.getBaseUriBuilder().path("api/complaints")
                .path(stored.id().toString()).build()).build();
    }

    public static UUID parseId(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound(what, id);
        }
    }
}
