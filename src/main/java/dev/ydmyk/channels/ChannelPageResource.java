package dev.ydmyk.channels;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.AuthenticationFilters;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.agents.ProviderSignIn;
import dev.ydmyk.agents.Sessions;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The built-in channel page: sign in, then the live approval channel. */
@Path("/channel")
public class ChannelPageResource {

    private final Credentials credentials;
    private final Sessions sessions;
    private final ProviderSignIn provider;
    private final String channelPath;
    /** The page's address as the identity provider must send a signed-out browser back to it. */
    private final String channelUrl;
    private final String contentSecurityPolicy;
    /** Served behind HTTPS (ydmyk.public-url is https): the session cookie is never sent over plain HTTP. */
    private final boolean httpsOnly;

    public ChannelPageResource(Credentials credentials, Sessions sessions, ProviderSignIn provider, YdmykConfig config) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.provider = provider;
        this.channelPath = channelPath(config.publicUrl());
        this.channelUrl = config.publicUrl().strip().replaceAll("/+$", "") + "/channel";
        // Signing out sends the form's answer on to the provider's end-session page: the one other place a form may lead.
        this.contentSecurityPolicy = provider.origin()
                .map(o -> CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + o))
                .orElse(CONTENT_SECURITY_POLICY);
        this.httpsOnly = config.publicUrl().strip().toLowerCase(Locale.ROOT).startsWith("https:");
    }

    /**
     * Where the page lives, from the configured public URL (its path, for a service behind a proxy
     * under a prefix); never from the request's Host header. A path alone: the browser resolves it
     * against the address it is at.
     */
    static String channelPath(String publicUrl) {
        String path;
        try {
            path = URI.create(publicUrl.strip()).getRawPath();
        } catch (IllegalArgumentException e) {
            path = null;
        }
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            path = "";
        }
        return path.replaceAll("/+$", "") + "/channel";
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The channel page; without a session its sign-in form, or with an identity provider configured, "
            + "a redirect to the provider's sign-in (authorization code flow)")
    public Response page(@CookieParam(Sessions.COOKIE) String session) {
        String page;
        if (sessions.verify(session).isPresent()) {
            page = html("channel.html").replace("{csrf}", sessions.csrfToken(session));
        } else if (provider.enabled()) {
            page = html("channel.html").replace("{csrf}", provider.csrfToken(provider.onPage()));
        } else {
            page = html("login.html").replace("{error}", "");
        }
        return protect(Response.ok(page, MediaType.TEXT_HTML_TYPE)).build();
    }

    /** The pages run only their own script and style, send forms only to us, and are never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Response.ResponseBuilder protect(Response.ResponseBuilder r) {
        return r.header("Content-Security-Policy", contentSecurityPolicy).header("Cache-Control", "no-store");
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("login") String login, @FormParam("password") String password, @Context HttpServerRequest request) {
        Optional<Duration> wait = credentials.waitBeforeSignIn(login, AuthenticationFilters.address(request));
        if (wait.isPresent()) {
            return protect(Response.status(429)).type(MediaType.TEXT_HTML).header("Retry-After", wait.get().toSeconds())
                    .entity(html("login.html").replace("{error}", "<p class=\"error\" role=\"alert\">Too many failed sign-ins. Try again in "
                            + wait.get().toSeconds() + " s.</p>")).build();
        }
        Optional<Agent> agent;
        try {
            agent = credentials.check(login, password);
        } catch (Problem busy) {
            return protect(Response.status(busy.status())).type(MediaType.TEXT_HTML).header("Retry-After", 5)
                    .entity(html("login.html").replace("{error}", "<p class=\"error\" role=\"alert\">Too many sign-ins at once. "
                            + "Try again in a few seconds.</p>")).build();
        }
        if (agent.isPresent()) {
            credentials.signedIn(login);
        }
        if (agent.isEmpty()) {
            credentials.signInFailed("channel page", login, AuthenticationFilters.address(request));
            return protect(Response.status(401)).type(MediaType.TEXT_HTML)
                    .entity(html("login.html").replace("{error}", "<p class=\"error\" role=\"alert\">Wrong login or password.</p>")).build();
        }
        NewCookie cookie = new NewCookie.Builder(Sessions.COOKIE).value(sessions.issue(agent.get())).path("/").secure(secure(request))
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).maxAge((int) Sessions.LIFETIME.toSeconds()).build();
        return toChannel().cookie(cookie).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out: the session is revoked on the server, so a copy of its cookie stops working too")
    public Response logout(@CookieParam(Sessions.COOKIE) String session, @FormParam("csrf") String csrf, @Context HttpServerRequest request) {
        Optional<URI> endProviderSession = Optional.empty();
        if (sessions.verify(session).isPresent()) {
            if (!sessions.csrfValid(session, csrf)) {
                throw new Problem(403, "Forbidden", "Signing out needs the page's own csrf field", "csrf", null);
            }
            sessions.revoke(session);
        } else if (provider.enabled()) {
            endProviderSession = provider.signOut(csrf, channelUrl);
        }
        NewCookie gone = new NewCookie.Builder(Sessions.COOKIE).value("").path("/").secure(secure(request))
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
        return endProviderSession.map(to -> protect(Response.status(Response.Status.SEE_OTHER)).location(to))
                .orElseGet(this::toChannel).cookie(gone).build();
    }

    /** HTTPS as the browser sees it: the public URL says so, or the request came over TLS (or, with
     * quarkus.http.proxy.proxy-address-forwarding, a proxy said so in X-Forwarded-Proto). */
    private boolean secure(HttpServerRequest request) {
        return httpsOnly || (request != null && "https".equalsIgnoreCase(request.scheme()));
    }

    /** See other: the channel page, by a Location that is a path (written as is, not resolved against Host). */
    private Response.ResponseBuilder toChannel() {
        return protect(Response.status(Response.Status.SEE_OTHER)).header(HttpHeaders.LOCATION, channelPath);
    }

    private static String html(String name) {
        try (InputStream in = ChannelPageResource.class.getResourceAsStream("/channel-page/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
