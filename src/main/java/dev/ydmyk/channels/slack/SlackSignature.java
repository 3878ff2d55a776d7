package dev.ydmyk.channels.slack;

import dev.ydmyk.agents.Signatures;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

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
        return Signatures.same(expected, signature);
    }

    static String sign(String secret, String timestamp, byte[] body) {
        return "v0=" + Signatures.hmacHex(secret, ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8), body);
    }
}
