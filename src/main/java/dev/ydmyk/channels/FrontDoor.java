package dev.ydmyk.channels;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;

/** The address a person types leads to the channel page, not to a JSON 404. */
@Path("/")
public class FrontDoor {

    @GET
    @Operation(summary = "Leads a browser to the channel page")
    @APIResponse(responseCode = "303", description = "See /channel")
    public Response enter() {
        return Response.seeOther(URI.create("channel")).build();
    }
}
