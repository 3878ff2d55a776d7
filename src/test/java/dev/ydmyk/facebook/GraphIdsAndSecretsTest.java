package dev.ydmyk.facebook;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ydmyk.Api;
import dev.ydmyk.publishing.CapturedLog;
import dev.ydmyk.schedule.CapturingChannel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.ydmyk.facebook.FacebookTest.change;
import static dev.ydmyk.facebook.FacebookTest.deliver;
import static dev.ydmyk.facebook.FacebookTest.delivery;
import static dev.ydmyk.facebook.FakeGraph.server;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ids are ids and secrets never leave: an id that is not a Graph object id never reaches a Graph
 * URL, and a failing publish leaves the page token nowhere (tables, API answers, logs), ends after
 * the configured attempts or at once on a permanent error, stays approved and tells the channels.
 */
@QuarkusTest
@TestProfile(GraphIdsAndSecretsTest.Profile.class)
class GraphIdsAndSecretsTest {

    static final String TOKEN = "EAAB-page-token";
    static final String STEERING = "1_2/../../PAGE1/feed?message=x&y=";

    public static class Profile extends FakeGraph.Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ydmyk.publishing.max-attempts", "3",
                    "ydmyk.publishing.initial-backoff", "PT0.05S",
                    "ydmyk.publishing.max-backoff", "PT0.2S");
        }
    }

    @Inject
    AgroalDataSource ds;
    @Inject
    CapturingChannel channel;

    private String complaintFor(String externalId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from complaint where source = 'facebook' and external_id = ?")) {
            ps.setString(1, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String failedAt(String complaint) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select failed_at from reply where complaint_id = ?::uuid")) {
            ps.setString(1, complaint);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every table, as text, that contains {@code s}. */
    private List<String> rowsContaining(String s) {
        List<String> found = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (PreparedStatement ps = c.prepareStatement("select x::text from \"" + t + "\" x where x::text like ?")) {
                    ps.setString(1, "%" + s + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(t + ": " + rs.getString(1));
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private String approvedReplyTo(String comment, String author, String text) {
        deliver(delivery(change("comment", "add", FakeGraph.PAGE + "_" + FacebookTest.id(), comment, "9020", author, text)), true)
                .then().statusCode(200);
        String complaint = complaintFor(comment);
        assertNotNull(complaint, "taken from the webhook: " + comment);
        Api.approve(Api.latestDraftId(Api.awaitDrafts(complaint, 1)), null).then().statusCode(200);
        return complaint;
    }

    private static List<String> graphRequestsContaining(String part) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest).map(r -> r.getMethod() + " " + r.getUrl())
                .filter(u -> u.contains(part)).toList();
    }

    @Test
    void anIdThatIsNoGraphIdIsRefusedAtIntakeAndNeverReachesAGraphUrl() {
        for (String bad : List.of(STEERING, "123 456", "123_456_789", "abc")) {
            Map<String, Object> body = Api.complaint("facebook", "Ola Hansen", "Strømmen er borte igjen, og ingen svarer.");
            body.put("externalId", bad);
            Api.asSource().body(body).post("/api/complaints").then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("externalId"));
            assertEquals(null, complaintFor(bad), "nothing written for " + bad);
        }
        Map<String, Object> good = Api.complaint("facebook", "Ola Hansen", "Strømmen er borte igjen, og ingen svarer.");
        good.put("externalId", FacebookTest.id() + "_" + FacebookTest.id());
        Api.post(good);

        // From the webhook the item is kept, and the reply fails with its reason instead of steering the call.
        deliver(delivery(change("comment", "add", FakeGraph.PAGE + "_" + FacebookTest.id(), STEERING, "9021", "Pernille Skov",
                "Min pakke blev leveret til en forkert adresse, og ingen svarer.")), true).then().statusCode(200);
        String complaint = complaintFor(STEERING);
        if (complaint != null) {
            Api.approve(Api.latestDraftId(Api.awaitDrafts(complaint, 1)), null).then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> failedAt(complaint) != null);
            var view = Api.complaintView(complaint);
            assertEquals("approved", view.getString("status"), "kept approved, visible");
            assertTrue(view.getString("reply.lastError").contains("not a Graph object id"), view.getString("reply.lastError"));
        }
        assertEquals(List.of(), graphRequestsContaining("PAGE1"));
        assertEquals(List.of(), graphRequestsContaining("feed"));
        assertEquals(List.of(), graphRequestsContaining("/1_2"));
    }

    @Test
    void aFailingPublishLeavesTheTokenNowhereEndsMarkedFailedAndTellsTheChannels() {
        try (CapturedLog log = CapturedLog.install()) {
            // Graph answers with an error that echoes the request, token and all: permanent (code 100).
            String echoed = FacebookTest.id() + "_" + FacebookTest.id();
            server.stubFor(post(urlEqualTo("/v21.0/" + echoed + "/comments")).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"(#100) Invalid parameter in POST https://graph.facebook.com/v21.0/" + echoed
                            + "/comments?access_token=" + TOKEN + " (Authorization: Bearer " + TOKEN + ")\",\"type\":\"OAuthException\","
                            + "\"code\":100,\"fbtrace_id\":\"B2\"}}")));
            // A server error that is not Graph's JSON, echoing the URL: retried, then given up.
            String broken = FacebookTest.id() + "_" + FacebookTest.id();
            server.stubFor(post(urlEqualTo("/v21.0/" + broken + "/comments")).willReturn(aResponse().withStatus(502)
                    .withBody("Bad gateway for /v21.0/" + broken + "/comments?access_token=" + TOKEN)));
            // A comment id with a space: never a URL at all.
            String spaced = FacebookTest.id() + " " + FacebookTest.id();

            String c1 = approvedReplyTo(echoed, "Gustav Berg", "Ni stängde mitt konto utan förklaring och nu kommer jag inte åt mina pengar.");
            String c2 = approvedReplyTo(broken, "Tom Baker", "My parcel never arrived and nobody answers my messages.");
            String c3 = approvedReplyTo(spaced, "Karin Lindgren", "Väntade i två timmar på en tekniker som aldrig kom.");
            await().atMost(Duration.ofSeconds(20)).until(() -> failedAt(c1) != null && failedAt(c2) != null && failedAt(c3) != null);

            var v1 = Api.complaintView(c1);
            assertEquals("approved", v1.getString("status"));
            assertTrue(v1.getString("reply.lastError").contains("[redacted]"), v1.getString("reply.lastError"));
            assertEquals(1, v1.getInt("reply.publishAttempts"), "a permanent error is not retried");
            var v2 = Api.complaintView(c2);
            assertEquals("approved", v2.getString("status"));
            assertTrue(v2.getString("reply.lastError").startsWith("Gave up after 3 failed attempts"), v2.getString("reply.lastError"));
            assertEquals(3, v2.getInt("reply.publishAttempts"));
            // No attempt after giving up: the count holds for 1.5 s (a loaded machine may take a while to show it).
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(15))
                    .until(() -> Api.complaintView(c2).getInt("reply.publishAttempts") == 3);
            var v3 = Api.complaintView(c3);
            assertEquals("approved", v3.getString("status"));
            assertEquals(List.of(), graphRequestsContaining(spaced.substring(0, 5) + " "), "the spaced id reached no URL");

            for (String c : List.of(c1, c2, c3)) {
                await("the channels told about " + c).atMost(Duration.ofSeconds(5)).until(() -> channel.notices().stream()
                        .anyMatch(n -> n.kind().equals("publishing-failed") && String.join(" ", n.lines()).contains(c)));
                String answer = Api.asKari().get("/api/complaints/" + c).then().statusCode(200).extract().asString();
                assertFalse(answer.contains(TOKEN), answer);
            }
            assertEquals(List.of(), rowsContaining(TOKEN), "the token in no table");
            assertFalse(channel.notices().toString().contains(TOKEN), "nor in what the channels were told");
            assertTrue(log.all().contains("failed for good"), "the failures were logged: " + log.all());
            assertFalse(log.all().contains(TOKEN), log.all());
        }
    }
}
