package dev.ydmyk.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The holding reply goes out through the same pipeline as the real reply, each with its own
 * Idempotency-Key: a receiver that deduplicates by key takes both, and a resend after a crash once.
 */
@QuarkusTest
@TestProfile(HoldingReplyTest.StandingApproval.class)
class HoldingReplyByCallbackTest {

    /** The receiver configured for the "hooked" source (ydmyk.sources.hooked.callback-url). */
    static final int PORT = 18089;

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource ds;

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;
    /** What the receiver kept, by Idempotency-Key: a repeated key is answered 200 and dropped, as such receivers do. */
    private final Map<String, JsonNode> kept = new ConcurrentHashMap<>();
    private final List<String> keysSeen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/replies", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            byte[] body = exchange.getRequestBody().readAllBytes();
            keysSeen.add(String.valueOf(key));
            if (key != null) {
                kept.putIfAbsent(key, json.readTree(new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(key == null ? 400 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        clock.reset();
    }

    private String query(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theHoldingReplyAndTheRealReplyEachHaveTheirOwnKeyAndACrashResendsTheHoldingReplyOnce() throws Exception {
        clock.set(Instant.parse("2026-11-20T15:54:00Z")); // Friday 16:54 in Oslo: out of hours
        Map<String, Object> body = Api.complaint("hooked", "Julie Nørgaard", "Strømmen er borte igjen, og ingen svarer.");
        String id = given().header("Authorization", "Bearer hooked-token").contentType("application/json")
                .body(body).post("/api/complaints").then().statusCode(201).extract().path("id");

        await("the holding reply called back").atMost(Duration.ofSeconds(20)).until(() -> kept.size() == 1);
        JsonNode holding = kept.values().iterator().next();
        assertEquals("holding", holding.path("purpose").asText());
        assertEquals(id, holding.path("complaintId").asText());
        assertEquals("Ingrid Admin", holding.path("agent").asText());
        String holdingKey = kept.keySet().iterator().next();
        assertEquals(holding.path("messageId").asText(), holdingKey, "the key is the message's own id");
        assertEquals(holdingKey, query("select id::text from holding_reply where complaint_id = ?::uuid", id));
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.complaintView(id).get("holdingReply.sentAt") != null);

        clock.reset();
        String draft = Api.latestDraftId(Api.awaitDrafts(id, 1));
        Api.approve(draft, null).then().statusCode(200);
        await("the real reply called back, not dropped as a duplicate").atMost(Duration.ofSeconds(20)).until(() -> kept.size() == 2);
        JsonNode reply = kept.get(draft);
        assertTrue(reply != null && reply.path("purpose").asText().equals("reply"), kept.toString());
        assertTrue(reply.path("text").asText().contains("Kari Nordmann"), reply.toString());
        assertNotEquals(holdingKey, draft);
        Api.awaitStatus(id, "answered");

        // The state a crash leaves between the receiver's 200 and our commit: counted, not marked sent, due.
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update holding_reply set sent_at = null, publish_attempts = 1, next_attempt_at = now() where complaint_id = ?::uuid")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        await("the holding reply marked sent again").atMost(Duration.ofSeconds(10))
                .until(() -> query("select sent_at from holding_reply where complaint_id = ?::uuid", id) != null);
        assertEquals(2, keysSeen.stream().filter(holdingKey::equals).count(), "resent under the same key: " + keysSeen);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> keysSeen.size() == 3);
        assertEquals(2, kept.size(), "the receiver kept each message once: " + kept.keySet());
        assertEquals(1, keysSeen.stream().filter(draft::equals).count(), "the real reply went once");
        assertEquals("1", query("select count(*) from audit_event where complaint_id = ?::uuid and action = 'sent'", id));
    }
}
