package dev.ydmyk.agents;

import dev.ydmyk.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/** The two ways in: agents with HTTP Basic, sources with a bearer token. */
public final class AuthenticationFilters {

    private AuthenticationFilters() {
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

        @Override
        public void filter(ContainerRequestContext ctx) {
            var cookie = ctx.getCookies().get(Sessions.COOKIE);
            Agent agent = credentials.agent(ctx.getHeaderString(HttpHeaders.AUTHORIZATION))
                    .or(() -> sessions.verify(cookie == null ? null : cookie.getValue()))
                    .orElseThrow(() -> new Problem(401, "Unauthorized",
                            "An agent login is required (HTTP Basic, or the channel page's sign-in, with an agent from ydmyk.agents)", "Authorization", null));
            caller.agent(agent);
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
