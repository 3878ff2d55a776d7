package dev.ydmyk.agents;

import dev.ydmyk.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;
import java.util.Set;

/**
 * The ways in: agents with HTTP Basic, the channel page's session, or (when an identity provider is
 * configured) the provider's bearer token or page session; sources with their own bearer token.
 */
public final class AuthenticationFilters {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private AuthenticationFilters() {
    }

    /** The caller's address, for log lines about failed sign-ins. */
    public static String address(HttpServerRequest request) {
        try {
            return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Provider
    @AgentOnly
    @Priority(Priorities.AUTHENTICATION)
    public static class AgentFilter implements ContainerRequestFilter {
        @Inject
        Credentials credentials;
        @Inject
        CurrentCaller caller;
        @Inject
        Sessions sessions;
        @Inject
        HttpServerRequest request;
        @Inject
        ProviderSignIn provider;

        @Override
        public void filter(ContainerRequestContext ctx) {
            String authorization = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
            Optional<Agent> basic = credentials.agent(authorization, address(request));
            if (basic.isPresent()) {
                caller.agent(basic.get());
                return;
            }
            var cookie = ctx.getCookies().get(Sessions.COOKIE);
            String session = cookie == null ? null : cookie.getValue();
            Optional<Agent> own = sessions.verify(session);
            if (own.isPresent()) {
                // The browser sends the cookie with any request to us, even one another origin makes it send;
                // only our own page knows the session's token (a cross-origin no-cors request cannot set the header).
                if (!SAFE.contains(ctx.getMethod()) && !sessions.csrfValid(session, ctx.getHeaderString(Sessions.CSRF_HEADER))) {
                    throw csrfMissing();
                }
                caller.agent(own.get());
                return;
            }
            ProviderSignIn.SignedIn viaProvider = provider.signedIn().orElseThrow(() -> new Problem(401, "Unauthorized",
                    provider.enabled()
                            ? "An agent login is required: a bearer token from the identity provider, the channel page's sign-in, "
                                    + "or HTTP Basic with an agent from ydmyk.agents"
                            : "An agent login is required (HTTP Basic, or the channel page's sign-in, with an agent from ydmyk.agents)",
                    "Authorization", null));
            // The provider's session cookie travels with cross-site requests as ours would: the same token rule.
            if (viaProvider.page() && !SAFE.contains(ctx.getMethod())
                    && !provider.csrfValid(viaProvider, ctx.getHeaderString(Sessions.CSRF_HEADER))) {
                throw csrfMissing();
            }
            caller.agent(viaProvider.agent());
        }

        private static Problem csrfMissing() {
            return new Problem(403, "Forbidden",
                    "A change made with the channel page's session needs the page's " + Sessions.CSRF_HEADER + " header",
                    Sessions.CSRF_HEADER, null);
        }
    }

    /** Runs after {@link AgentFilter}: the signed-in agent must be an administrator. */
    @Provider
    @AdminOnly
    @Priority(Priorities.AUTHORIZATION)
    public static class AdminFilter implements ContainerRequestFilter {
        @Inject
        CurrentCaller caller;

        @Override
        public void filter(ContainerRequestContext ctx) {
            if (caller.agent() == null) {
                throw new Problem(401, "Unauthorized", "An administrator's login is required", "Authorization", null);
            }
            if (!caller.admin()) {
                throw new Problem(403, "Forbidden", "Only an administrator may do this (ydmyk.agents." + caller.agent().login()
                        + ".admin=true, or the admin role)", null, null);
            }
        }
    }

    @Provider
    @SourceOnly
    @Priority(Priorities.AUTHENTICATION)
    public static class SourceFilter implements ContainerRequestFilter {
        @Inject
        Credentials credentials;
        @Inject
        CurrentCaller caller;

        @Override
        public void filter(ContainerRequestContext ctx) {
            Set<String> sources = credentials.sourcesFor(ctx.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (sources.isEmpty()) {
                throw new Problem(401, "Unauthorized",
                        "A source token is required: Authorization: Bearer <ydmyk.sources.<source>.token>", "Authorization:Bearer", null);
            }
            caller.sources(sources);
        }
    }
}
