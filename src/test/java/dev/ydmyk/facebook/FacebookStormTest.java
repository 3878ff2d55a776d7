package dev.ydmyk.facebook;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ydmyk.Api;
import dev.ydmyk.Diagnostics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Telenor's evening: angry comments under one post on the page. One incident (the thread is strong
 * evidence), its statement posted on the page's feed, every comment answered once, through Meta's
 * rate limit.
 */
@QuarkusTest
@TestProfile(FacebookStormTest.Profile.class)
class FacebookStormTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeGraph.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ydmyk.incidents.enabled", "true", "ydmyk.facebook.rate-limit-wait", "PT1S");
        }
    }

    static final List<String> COMMENTS = List.of(
            "Mobilnettet er nede i hele Oslo, ingen dekning siden kl 16!",
            "Ingen dekning på mobilen her heller. Mobilnett borte siden fire.",
            "Mobilnettet er dødt, får ikke ringt noen. Hva skjer?",
            "Nede her også, ingen dekning i Bergen siden kl 16.",
            "Mobilnett nede og ingen info fra dere. Typisk.",
            "Ingen dekning siden fire i dag, mobilnettet er borte!",
            "Hele familien uten mobilnett siden kl 16. Ingen dekning.");

    @Inject
    AgroalDataSource ds;

    @Test
    void commentsUnderOnePostBecomeOneIncidentWhoseStatementGoesOnThePageAndEveryCommentIsAnsweredOnce() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("update incident set status = 'resolved'");
        }
        Api.wipe(ds);
        String post = FakeGraph.PAGE + "_" + FacebookTest.id();
        String postPart = FacebookTest.id(); // a comment's id is the post's own part, an underscore, the comment's
        FakeGraph.server.stubFor(post(urlEqualTo("/v21.0/" + FakeGraph.PAGE + "/feed")).willReturn(okJson("{\"id\":\"" + FakeGraph.PAGE + "_777\"}")));
        // Meta's rate limit on the first comment: code 32, then everything goes through.
        FakeGraph.server.stubFor(post(urlMatching("/v21.0/" + postPart + "_[0-9]+/comments")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open").willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Page request limit reached\",\"type\":\"OAuthException\",\"code\":32}}")));
        FakeGraph.server.stubFor(post(urlMatching("/v21.0/" + postPart + "_[0-9]+/comments")).inScenario("limit")
                .whenScenarioStateIs("open").willReturn(okJson("{\"id\":\"{{randomValue length=12 type='NUMERIC'}}\"}")
                        .withTransformers("response-template")));

        List<String> commentIds = new ArrayList<>();
        for (int i = 0; i < COMMENTS.size(); i++) {
            String comment = postPart + "_" + (5000 + i);
            commentIds.add(comment);
            FacebookTest.deliver(FacebookTest.delivery(FacebookTest.change("comment", "add", post, comment, "90" + i,
                    "Kunde " + (char) ('A' + i) + " Hansen", COMMENTS.get(i))), true).then().statusCode(200);
        }
        String complaint = await().atMost(Duration.ofSeconds(60)).until(() -> id(commentIds.get(6)), c -> c != null);
        String incident = await().atMost(Duration.ofSeconds(60)).until(() -> Api.complaintView(complaint).getString("incidentId"),
                i -> i != null);
        JsonPath view = await().atMost(Duration.ofSeconds(60)).until(() -> incident(incident),
                v -> v.getInt("acknowledgements.pending") == COMMENTS.size());
        assertEquals("facebook:" + post, view.getString("thread"), "gathered under the post");

        String statement = view.getString("statements[0].draftId");
        Api.approve(statement, null).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> incident(incident).getString("statements[0].url") != null);
        assertEquals("https://www.facebook.com/" + FakeGraph.PAGE + "_777", incident(incident).getString("statements[0].url"));
        String posted = URLDecoder.decode(FakeGraph.server.findAll(postRequestedFor(urlEqualTo("/v21.0/" + FakeGraph.PAGE + "/feed")))
                .get(0).getBodyAsString(), StandardCharsets.UTF_8);
        assertTrue(posted.contains("beklager") && posted.contains("Kari Nordmann"), posted);

        Api.asKari().body(Map.of("purpose", "acknowledgement")).post("/api/incidents/" + incident + "/approve")
                .then().statusCode(200).body("approved", equalTo(COMMENTS.size()));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> incident(incident).getInt("acknowledgements.sent") == COMMENTS.size());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("every acknowledgement sent; the outbox: " + Diagnostics.outbox(), e);
        }
        for (String comment : commentIds) {
            int calls = FakeGraph.server.findAll(postRequestedFor(urlEqualTo("/v21.0/" + comment + "/comments"))).stream()
                    .mapToInt(r -> 1).sum();
            assertTrue(calls >= 1 && calls <= 2, comment + " answered once (one more call only if it met the limit): " + calls);
        }
        long answered = FakeGraph.server.findAll(postRequestedFor(urlMatching("/v21.0/" + postPart + "_[0-9]+/comments"))).size();
        // Calls racing into the limit may both be refused; each refused call is tried again, nothing else is repeated.
        long refused = FakeGraph.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().matches("/v21.0/" + postPart + "_[0-9]+/comments") && e.getResponse().getStatus() == 400)
                .count();
        assertTrue(refused >= 1, "the limit was met");
        assertEquals(COMMENTS.size() + refused, answered, "every comment answered once, each refused call tried again");
    }

    private static JsonPath incident(String id) {
        return Api.asKari().get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }

    private String id(String externalId) {
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement("select id from complaint where source = 'facebook' and external_id = ?")) {
            ps.setString(1, externalId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
