package dev.ydmyk.channels;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.agents.Sessions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The built-in channel page: sign in, then the live approval channel. */
@Path("/channel")
public class ChannelPageResource {

    private final Credentials credentials;
    private final Sessions sessions;

    public ChannelPageResource(Credentials credentials, Sessions sessions) {
        this.credentials = credentials;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The channel page (or its sign-in form)")
    public String page(@CookieParam(Sessions.COOKIE) String session) {
        return sessions.verify(session).isPresent() ? html("channel.html") : html("login.html").replace("{error}", "");
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("login") String login, @FormParam("password") String password) {
        Optional<Agent> agent = credentials.check(login, password);
        if (agent.isEmpty()) {
            return Response.status(401).type(MediaType.TEXT_HTML)
                    .entity(html("login.html").replace("{error}", "<p class=\"error\" role=\"alert\">Wrong login or password.</p>")).build();
        }
        NewCookie cookie = new NewCookie.Builder(Sessions.COOKIE).value(sessions.issue(agent.get())).path("/")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).maxAge((int) Sessions.LIFETIME.toSeconds()).build();
        return Response.seeOther(URI.create("/channel")).cookie(cookie).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        NewCookie gone = new NewCookie.Builder(Sessions.COOKIE).value("").path("/").maxAge(0).build();
        return Response.seeOther(URI.create("/channel")).cookie(gone).build();
    }

    private static String html(String name) {
        try (InputStream in = ChannelPageResource.class.getResourceAsStream("/channel-page/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
