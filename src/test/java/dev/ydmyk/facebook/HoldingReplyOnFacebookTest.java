package dev.ydmyk.facebook;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ydmyk.facebook.FacebookTest.change;
import static dev.ydmyk.facebook.FacebookTest.deliver;
import static dev.ydmyk.facebook.FacebookTest.delivery;
import static dev.ydmyk.facebook.FakeGraph.server;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Out of hours a Facebook comment gets the holding reply as a comment, then the real reply as another, each once. */
@QuarkusTest
@TestProfile(HoldingReplyOnFacebookTest.Profile.class)
class HoldingReplyOnFacebookTest {

    public static class Profile extends FakeGraph.Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ydmyk.holding.enabled", "true", "ydmyk.holding.approved-by", "Ingrid Admin");
        }
    }

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource ds;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String query(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> postedMessages(String comment) {
        return server.findAll(postRequestedFor(urlEqualTo("/v21.0/" + comment + "/comments"))).stream()
                .map(LoggedRequest::getBodyAsString).map(b -> URLDecoder.decode(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void theHoldingReplyIsACommentOfItsOwnAndACrashMidSendPostsItOnce() throws Exception {
        String comment = FacebookTest.id() + "_" + FacebookTest.id();
        server.stubFor(post(urlEqualTo("/v21.0/" + comment + "/comments")).willReturn(okJson("{\"id\":\"" + comment + "_hold\"}")));
        clock.set(Instant.parse("2026-11-20T15:54:00Z")); // Friday 16:54 in Oslo: out of hours
        deliver(delivery(change("comment", "add", FakeGraph.PAGE + "_" + FacebookTest.id(), comment, "9010", "Silje Strand",
                "Strømmen er borte igjen, og ingen svarer.")), true).then().statusCode(200);

        await("the holding reply posted").atMost(Duration.ofSeconds(20)).until(() -> postedMessages(comment).size() == 1);
        String form = postedMessages(comment).get(0);
        assertTrue(form.contains("message=Hei Silje") && form.contains("access_token=EAAB-page-token"), form);
        String complaint = query("select id from complaint where source = 'facebook' and external_id = '" + comment + "'");
        await().atMost(Duration.ofSeconds(10)).until(() -> (comment + "_hold").equals(
                query("select external_id from holding_reply where complaint_id = '" + complaint + "' and sent_at is not null")));
        String holdingText = query("select text from holding_reply where complaint_id = '" + complaint + "'");

        // The state a crash leaves between Meta's answer and our commit; the comment is there to be found.
        clock.reset();
        server.stubFor(get(urlPathEqualTo("/v21.0/" + comment + "/comments")).willReturn(okJson(
                "{\"data\":[{\"id\":\"" + comment + "_hold\",\"message\":" + new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(holdingText) + ",\"from\":{\"id\":\"" + FakeGraph.PAGE + "\",\"name\":\"Ydmyk\"}}],\"paging\":{}}")));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update holding_reply set sent_at = null, external_id = null, publish_attempts = 1, next_attempt_at = now() where complaint_id = ?::uuid")) {
            ps.setString(1, complaint);
            assertEquals(1, ps.executeUpdate());
        }
        await("reconciled, not posted again").atMost(Duration.ofSeconds(10)).until(() -> (comment + "_hold").equals(
                query("select external_id from holding_reply where complaint_id = '" + complaint + "' and sent_at is not null")));
        assertEquals(1, postedMessages(comment).size(), "posted once");

        // The real reply is a comment of its own, not mistaken for the holding reply.
        server.stubFor(post(urlEqualTo("/v21.0/" + comment + "/comments")).willReturn(okJson("{\"id\":\"" + comment + "_reply\"}")));
        String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));
        Api.approve(draft, null).then().statusCode(200);
        Api.awaitStatus(complaint, "answered");
        List<String> posted = postedMessages(comment);
        assertEquals(2, posted.size(), posted.toString());
        assertTrue(posted.get(1).contains("Kari Nordmann") && !posted.get(1).contains(holdingText), posted.get(1));
        assertEquals(comment + "_reply", query("select external_id from reply where complaint_id = '" + complaint + "'"));
    }

    @Test
    void aHoldingReplyWhosePostTimedOutIsFoundBeforeAnyRetrySoItIsPostedOnce() throws Exception {
        String comment = FacebookTest.id() + "_" + FacebookTest.id();
        // Meta takes the comment but answers after our 1 s timeout: the outcome is unknown to us.
        server.stubFor(post(urlEqualTo("/v21.0/" + comment + "/comments"))
                .willReturn(okJson("{\"id\":\"" + comment + "_slow\"}").withFixedDelay(2500)));
        clock.set(Instant.parse("2026-11-20T15:54:00Z")); // Friday 16:54 in Oslo: out of hours
        deliver(delivery(change("comment", "add", FakeGraph.PAGE + "_" + FacebookTest.id(), comment, "9011", "Silje Strand",
                "Strømmen er borte igjen, og ingen svarer.")), true).then().statusCode(200);
        String complaint = await().atMost(Duration.ofSeconds(20))
                .until(() -> query("select id from complaint where source = 'facebook' and external_id = '" + comment + "'"), c -> c != null);
        String holdingText = await("the holding reply decided").atMost(Duration.ofSeconds(20))
                .until(() -> query("select text from holding_reply where complaint_id = '" + complaint + "'"), t -> t != null);
        clock.reset(); // retries are due by the real clock from here
        server.stubFor(get(urlPathEqualTo("/v21.0/" + comment + "/comments")).willReturn(okJson(
                "{\"data\":[{\"id\":\"" + comment + "_slow\",\"message\":" + new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(holdingText) + ",\"from\":{\"id\":\"" + FakeGraph.PAGE + "\",\"name\":\"Ydmyk\"}}],\"paging\":{}}")));

        await("found on Facebook and marked sent").atMost(Duration.ofSeconds(20)).until(() -> (comment + "_slow").equals(
                query("select external_id from holding_reply where complaint_id = '" + complaint + "' and sent_at is not null")));
        assertEquals(1, postedMessages(comment).size(), "posted once");
        assertTrue(Integer.parseInt(query("select publish_attempts from holding_reply where complaint_id = '" + complaint + "'")) >= 2,
                "the retry reconciled instead of posting");
    }
}
