package dev.ydmyk.agents;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser sessions for the channel page: a signed cookie {@code login.expiry.id.signature}. The key is
 * kept in the database, made by the first instance that needs it, so a session is valid on every
 * instance and across restarts. Signing out revokes the session's id in the
 * database, so a copied cookie stops working too. Each session has its own CSRF token, derived from
 * the cookie, which the page sends back with every call that changes something.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "ydmyk_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration LIFETIME = Duration.ofHours(12);

    private record Parsed(String login, long expiry, String id, String payload) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** Shared through the database, so a session signed by one instance is valid on every other. */
    private volatile byte[] key;
    private final Clock clock;
    private final Credentials credentials;
    private final SessionRepository revocations;

    public Sessions(Clock clock, Credentials credentials, SessionRepository revocations) {
        this.clock = clock;
        this.credentials = credentials;
        this.revocations = revocations;
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] candidate = new byte[32];
            RANDOM.nextBytes(candidate);
            k = revocations.sharedKey(candidate);
            key = k;
        }
        return k;
    }

    public String issue(Agent agent) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String payload = agent.login() + "." + clock.instant().plus(LIFETIME).getEpochSecond() + "." + B64.encodeToString(id);
        return payload + "." + sign("session:" + payload);
    }

    public Optional<Agent> verify(String cookie) {
        return parse(cookie).filter(s -> !revocations.revoked(s.id())).flatMap(s -> credentials.builtInAgent(s.login()));
    }

    /** The CSRF token of a valid session (empty for anything else). */
    public String csrfToken(String cookie) {
        return parse(cookie).map(s -> sign("csrf:" + s.payload())).orElse("");
    }

    /** Whether a token sent along with a cookie is that session's own CSRF token. */
    public boolean csrfValid(String cookie, String token) {
        return parse(cookie).map(s -> Signatures.same(sign("csrf:" + s.payload()), token)).orElse(false);
    }

    /**
     * The CSRF token of a session the identity provider keeps (its own cookie, not ours): derived from
     * what names that session, so only a page we served for it knows the token.
     */
    String csrfTokenFor(String providerSession) {
        return sign("csrf-provider:" + providerSession);
    }

    boolean csrfValidFor(String providerSession, String token) {
        return Signatures.same(csrfTokenFor(providerSession), token);
    }

    /** Signs the session out everywhere: its cookie, wherever it was copied to, no longer verifies. */
    public void revoke(String cookie) {
        parse(cookie).ifPresent(s -> revocations.revoke(s.id(), Instant.ofEpochSecond(s.expiry()), clock.instant()));
    }

    private Optional<Parsed> parse(String cookie) {
        if (cookie == null || cookie.length() > 512) {
            return Optional.empty();
        }
        int sig = cookie.lastIndexOf('.');
        int id = sig <= 0 ? -1 : cookie.lastIndexOf('.', sig - 1);
        int expiry = id <= 0 ? -1 : cookie.lastIndexOf('.', id - 1);
        if (expiry <= 0) {
            return Optional.empty();
        }
        String payload = cookie.substring(0, sig);
        if (!Signatures.same(sign("session:" + payload), cookie.substring(sig + 1))) {
            return Optional.empty();
        }
        long until;
        try {
            until = Long.parseLong(cookie.substring(expiry + 1, id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (until < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(cookie.substring(0, expiry), until, cookie.substring(id + 1, sig), payload));
    }

    private String sign(String payload) {
        return B64.encodeToString(Signatures.mac(key(), payload.getBytes(StandardCharsets.UTF_8)));
    }
}
