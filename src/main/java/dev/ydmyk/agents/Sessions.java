package dev.ydmyk.agents;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser sessions for the channel page: a signed cookie {@code login.expiry.signature}. The key is
 * made at start-up, so a restart signs everyone out, and nothing about sessions is stored.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "ydmyk_session";
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final byte[] key = new byte[32];
    private final Clock clock;
    private final Credentials credentials;

    public Sessions(Clock clock, Credentials credentials) {
        this.clock = clock;
        this.credentials = credentials;
        new SecureRandom().nextBytes(key);
    }

    public String issue(Agent agent) {
        String payload = agent.login() + "." + clock.instant().plus(LIFETIME).getEpochSecond();
        return payload + "." + sign(payload);
    }

    public Optional<Agent> verify(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        int last = cookie.lastIndexOf('.');
        int mid = last < 0 ? -1 : cookie.lastIndexOf('.', last - 1);
        if (mid <= 0) {
            return Optional.empty();
        }
        String payload = cookie.substring(0, last);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.UTF_8), cookie.substring(last + 1).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(cookie.substring(mid + 1, last)) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return credentials.agentByLogin(cookie.substring(0, mid));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
