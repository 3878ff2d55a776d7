package dev.ydmyk.agents;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.problem.CleanText;
import dev.ydmyk.problem.Problem;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Agents signed in by the company's identity provider (OpenID Connect, through quarkus-oidc): with a
 * bearer access token on the API, or with the session quarkus-oidc keeps for the channel page after
 * the authorization code flow. The token names the agent (its principal claim is the login), their
 * display name ({@code ydmyk.oidc.name-claim}), and whether they administer ({@code ydmyk.oidc.admin-role}).
 * Authentication is lazy ({@code quarkus.http.auth.proactive=false}): the provider is consulted only
 * from here, so the sources' own bearer tokens never reach it.
 */
@ApplicationScoped
public class ProviderSignIn {

    /** Who the provider signed in; {@code session} names the page's session (null for a bearer token), whose changes need its CSRF token. */
    public record SignedIn(Agent agent, String session) {

        public boolean page() {
            return session != null;
        }
    }

    private static final Logger LOG = Logger.getLogger(ProviderSignIn.class);
    private static final int MAX_NAME = 100;

    private final boolean enabled;
    private final Optional<String> url;
    private final YdmykConfig.Oidc oidc;
    private final CurrentIdentityAssociation identities;
    private final Sessions sessions;
    private final Instance<OidcSession> oidcSessions;
    private final Instance<OidcConfigurationMetadata> metadata;
    private final Optional<String> clientId;
    private final ProviderAgents known;

    public ProviderSignIn(YdmykConfig config, @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean tenantEnabled,
                          @ConfigProperty(name = IdentityProviderSwitch.URL) Optional<String> url,
                          CurrentIdentityAssociation identities, Sessions sessions, Instance<OidcSession> oidcSessions,
                          ProviderAgents known, Instance<OidcConfigurationMetadata> metadata,
                          @ConfigProperty(name = "quarkus.oidc.client-id") Optional<String> clientId) {
        this.enabled = tenantEnabled && url.filter(u -> !u.isBlank()).isPresent();
        this.url = url;
        this.oidc = config.oidc();
        this.identities = identities;
        this.sessions = sessions;
        this.oidcSessions = oidcSessions;
        this.known = known;
        this.metadata = metadata;
        this.clientId = clientId;
    }

    void sayHowAgentsSignIn(@Observes StartupEvent ev) {
        if (enabled) {
            LOG.infof("Agents sign in through the identity provider at %s (administrators: role '%s'%s); built-in agents in "
                    + "ydmyk.agents still sign in with their passwords", url.orElse(""), oidc.adminRole(),
                    oidc.agentRole().map(r -> "; agents: role '" + r + "'").orElse(""));
        }
    }

    /** The provider's origin (scheme, host, port), where the page's sign-out form may lead; empty without a provider. */
    public Optional<String> origin() {
        if (!enabled) {
            return Optional.empty();
        }
        try {
            URI u = URI.create(url.get().strip());
            return u.getScheme() == null || u.getRawAuthority() == null ? Optional.empty()
                    : Optional.of(u.getScheme() + "://" + u.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether an identity provider is configured ({@code quarkus.oidc.auth-server-url}). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The agent the provider vouches for in this request, if the request carries a token or the page's
     * session. A token the provider does not accept (forged, expired, for another service): 401.
     */
    public Optional<SignedIn> signedIn() {
        try {
            return identity().map(this::signedIn);
        } catch (AuthenticationFailedException e) {
            throw new Problem(401, "Unauthorized", "The identity provider's token or session was not accepted "
                    + "(invalid, expired, or not meant for this service)", "Authorization", null);
        }
    }

    /**
     * The agent signed in to the channel page. Nobody yet, or a session that has ended: the provider's
     * challenge (for a browser, a redirect to the provider's sign-in, the authorization code flow).
     */
    public SignedIn onPage() {
        Optional<SecurityIdentity> identity;
        try {
            identity = identity();
        } catch (AuthenticationFailedException e) {
            identity = Optional.empty();
        }
        return signedIn(identity.orElseThrow(UnauthorizedException::new));
    }

    /**
     * Signs the page's provider session out, with the page's CSRF token: quarkus-oidc's session cookie is
     * removed here, and the answer is where the browser goes to end the provider's own session too (its
     * end_session_endpoint, which sends it back to {@code returnTo}), if the provider has one; otherwise
     * the provider's session lasts and the page may sign straight back in. Nothing to sign out: empty.
     */
    public Optional<URI> signOut(String csrf, String returnTo) {
        Optional<SecurityIdentity> identity;
        SignedIn who;
        try {
            identity = identity();
            who = identity.map(this::signedIn).orElse(null);
        } catch (AuthenticationFailedException | Problem e) {
            return Optional.empty();
        }
        if (who == null || !who.page()) {
            return Optional.empty();
        }
        if (!csrfValid(who, csrf)) {
            throw new Problem(403, "Forbidden", "Signing out needs the page's own csrf field", "csrf", null);
        }
        String idToken = identity.get().getPrincipal() instanceof JsonWebToken jwt ? jwt.getRawToken() : null;
        String endSession = metadata.get().getEndSessionUri();
        oidcSessions.get().logout().await().indefinitely();
        if (endSession == null || endSession.isBlank()) {
            return Optional.empty();
        }
        StringBuilder to = new StringBuilder(endSession).append(endSession.contains("?") ? '&' : '?')
                .append("post_logout_redirect_uri=").append(encode(returnTo));
        clientId.ifPresent(id -> to.append("&client_id=").append(encode(id)));
        if (idToken != null) {
            to.append("&id_token_hint=").append(encode(idToken));
        }
        return Optional.of(URI.create(to.toString()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Whether a change sent with the page's provider session carries that session's own CSRF token. */
    public boolean csrfValid(SignedIn who, String token) {
        return who.page() && sessions.csrfValidFor(who.session(), token);
    }

    public String csrfToken(SignedIn who) {
        return who.page() ? sessions.csrfTokenFor(who.session()) : "";
    }

    private Optional<SecurityIdentity> identity() {
        if (!enabled) {
            return Optional.empty();
        }
        SecurityIdentity identity = identities.getIdentity();
        return identity == null || identity.isAnonymous() ? Optional.empty() : Optional.of(identity);
    }

    private SignedIn signedIn(SecurityIdentity identity) {
        String login = identity.getPrincipal().getName();
        if (oidc.agentRole().isPresent() && !identity.hasRole(oidc.agentRole().get())) {
            throw new Problem(403, "Forbidden", "'" + Credentials.printable(login) + "' is signed in but is not an agent here (role '"
                    + oidc.agentRole().get() + "')", null, null);
        }
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String name = clean(claim(token, oidc.nameClaim()));
        Agent agent = new Agent(login, name == null ? login : name, identity.hasRole(oidc.adminRole()));
        known.remember(agent);
        boolean page = identity.getCredential(IdTokenCredential.class) != null;
        return new SignedIn(agent, page ? login + "|" + sessionMarker(token) : null);
    }

    /** What tells one page session of this agent from the next: the provider's session id, else when they signed in. */
    private static String sessionMarker(JsonWebToken idToken) {
        for (String claim : new String[] {"sid", "auth_time", "iat"}) {
            String v = claim(idToken, claim);
            if (v != null) {
                return claim + "=" + v;
            }
        }
        return "";
    }

    private static String claim(JsonWebToken token, String name) {
        Object v = token == null ? null : token.getClaim(name);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return v == null ? null : v.toString();
    }

    /** A name that will sign public replies: no control characters, not blank, not endless. */
    private static String clean(String name) {
        String s = name == null ? null : CleanText.of(name).strip();
        if (s == null || s.isEmpty()) {
            return null;
        }
        return s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s;
    }
}
