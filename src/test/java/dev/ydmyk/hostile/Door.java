package dev.ydmyk.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The service's doors as a stranger knocks: raw bytes, chosen headers, one kept-alive connection. */
final class Door {

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (Exception e) {
                return null;
            }
        }

        String field() {
            JsonNode j = json();
            return j == null || !j.hasNonNull("field") ? null : j.get("field").asText();
        }

        boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    static final String JSON = "application/json";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Door(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer post(String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> a = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(a.statusCode(), a.headers().firstValue("Content-Type").orElse(null), a.body());
        } catch (Exception e) {
            throw new AssertionError("POST " + path + " got no answer: " + e, e);
        }
    }

    Answer asSource(String path, byte[] body, String contentType) {
        return post(path, body, contentType, "Authorization", "Bearer " + HostileProfile.SOURCE_TOKEN);
    }

    Answer asKari(String path, byte[] body, String contentType) {
        return post(path, body, contentType, "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("kari:kari-test".getBytes(StandardCharsets.UTF_8)));
    }

    Answer toMeta(byte[] body) {
        return post("/webhooks/facebook", body, JSON, "X-Hub-Signature-256", "sha256=" + hmac(HostileProfile.META_SECRET, body));
    }

    Answer toSlack(byte[] form) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        byte[] base = ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[base.length + form.length];
        System.arraycopy(base, 0, signed, 0, base.length);
        System.arraycopy(form, 0, signed, base.length, form.length);
        return post("/slack/interactions", form, "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", ts, "X-Slack-Signature", "v0=" + hmac(HostileProfile.SLACK_SECRET, signed));
    }

    static String hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
