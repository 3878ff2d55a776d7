package dev.ydmyk.privacy;

import dev.ydmyk.agents.AdminOnly;
import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.agents.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customers' data rights (GDPR Art. 15 and 17), for administrators. */
@Path("/api/customers")
@AgentOnly
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers' data rights")
public class CustomerResource {

    /** Who to erase: the source the customer wrote at, and their handle there (an e-mail address for e-mail). */
    public record Customer(String source, String handle) {
    }

    private final DataRights rights;
    private final CurrentCaller caller;

    public CustomerResource(DataRights rights, CurrentCaller caller) {
        this.rights = rights;
        this.caller = caller;
    }

    @GET
    @Path("export")
    @Operation(summary = "Everything kept about a customer (Art. 15)",
            description = "Their complaints with drafts, replies, holding replies, follow-ups, Slack messages and audit, and passed-over mail "
                    + "or Facebook changes; audited as customer-exported.")
    @APIResponse(responseCode = "200", description = "The export (empty lists for a customer we know nothing about)")
    @APIResponse(responseCode = "400", description = "source or handle missing or malformed (the problem names it)")
    @APIResponse(responseCode = "401", description = "No agent's credentials")
    @APIResponse(responseCode = "403", description = "The agent is no administrator")
    public DataRights.Export export(@QueryParam("source") String source, @QueryParam("handle") String handle) {
        return rights.export(source, handle, caller.agent());
    }

    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a customer's personal data (Art. 17)",
            description = "Texts, names, handles and addresses everywhere; pending drafts are withdrawn and unsent replies stopped; "
                    + "Slack messages are redrawn as erased; anonymous counts stay. Idempotent: again, it answers zeros. Audited as customer-erased.")
    @APIResponse(responseCode = "200", description = "How many of each kind of thing were erased (all zero for an unknown or erased customer)")
    @APIResponse(responseCode = "400", description = "source or handle missing or malformed (the problem names it)")
    @APIResponse(responseCode = "401", description = "No agent's credentials")
    @APIResponse(responseCode = "403", description = "The agent is no administrator")
    public DataRights.Erasure erase(Customer body) {
        return rights.erase(body == null ? null : body.source(), body == null ? null : body.handle(), caller.agent());
    }
}
