package dev.ydmyk.channels.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Slack's request signing: {@code v0=} + hex HMAC-SHA256 of {@code v0:<timestamp>:<raw body>} with the
 * signing secret. Compared in constant time, and only for timestamps within five minutes of now in
 * either direction (the SDK's own verifier uses String.equals and accepts future timestamps).
 */
final class SlackSignature {

    static final Duration MAX_AGE = Duration.ofSeconds(300);

    private SlackSignature() {
    }

    static boolean valid(String secret, String timestamp, String signature, byte[] body, Instant now) {
        if (secret == null || timestamp == null || signature == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > MAX_AGE.toSeconds()) {
            return false;
        }
        String expected = sign(secret, timestamp.strip(), body);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.strip().getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
