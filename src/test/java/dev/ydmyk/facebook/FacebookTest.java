package dev.ydmyk.facebook;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ydmyk.Api;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.schedule.CapturingChannel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ydmyk.facebook.FakeGraph.server;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(FakeGraph.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FacebookTest {

    @Inject
    AgroalDataSource ds;
    @Inject
    CapturingChannel channel;
    @Inject
    ComplaintRepository complaints;

    static String id() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    /** One feed change as Meta sends it. */
    public static String change(String item, String verb, String postId, String commentId, String fromId, String fromName, String message) {
        return """
                {"field":"feed","value":{"from":{"id":"%s","name":"%s"},"post":{"status_type":"mobile_status_update",
                 "is_published":true,"updated_time":"2026-11-20T15:54:00+0000","permalink_url":"https://www.facebook.com/%s",
                 "promotion_status":"inactive","id":"%s"},%s"post_id":"%s",%s"created_time":1763654040,"item":"%s",
                 %s"verb":"%s","unknown_future_field":{"x":1}}}""".formatted(fromId, fromName, postId, postId,
                message == null ? "" : "\"message\":\"" + message + "\",", postId,
                commentId == null ? "" : "\"comment_id\":\"" + commentId + "\",", item,
                commentId == null ? "" : "\"parent_id\":\"" + postId + "\",", verb);
    }

    public static String delivery(String... changes) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + FakeGraph.PAGE + "\",\"time\":1763654041,\"changes\":["
                + String.join(",", changes) + "]}]}";
    }

    static Response deliver(String body, boolean signRight) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json").header("X-Hub-Signature-256",
                FacebookResource.sign(signRight ? FakeGraph.SECRET : "wrong", bytes)).body(bytes).post("/webhooks/facebook");
    }

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

    private void sql(String statement) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeOnlyForOurToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", FakeGraph.VERIFY).queryParam("hub.challenge", "1158201444")
                .get("/webhooks/facebook").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess").queryParam("hub.challenge", "1")
                .get("/webhooks/facebook").then().statusCode(403);
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", FakeGraph.VERIFY).queryParam("hub.challenge", "1")
                .get("/webhooks/facebook").then().statusCode(403);
    }

    @Test
    void aCommentBecomesAComplaintWithItsPostAsContextOnceHoweverOftenItIsDelivered() {
        String post = FakeGraph.PAGE + "_" + id();
        String comment = id() + "_" + id();
        String body = delivery(change("comment", "add", post, comment, "9001", "Pernille Skov",
                "Min pakke blev leveret til en forkert adresse, og ingen svarer."));
        deliver(body, true).then().statusCode(200).body("added", org.hamcrest.Matchers.equalTo(1));
        deliver(body, true).then().statusCode(200).body("added", org.hamcrest.Matchers.equalTo(0));
        String complaint = complaintFor(comment);
        var view = Api.awaitDrafts(complaint, 1);
        assertEquals("Pernille Skov", view.getString("author.name"));
        assertEquals("da", view.getString("drafts[0].language"));
        assertEquals(1, count("select count(*) from complaint where external_id = '" + comment + "'"));
        assertEquals(post, count("select count(*) from complaint where parent_external_id = '" + post + "'") == 1 ? post : "no parent");
    }

    @Test
    void unsignedWronglySignedOrMalformedDeliveriesWriteNothing() {
        long before = count("select count(*) from complaint");
        String body = delivery(change("comment", "add", FakeGraph.PAGE + "_" + id(), id(), "9001", "Eve", "Hei"));
        deliver(body, false).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(body).post("/webhooks/facebook").then().statusCode(401);
        deliver("{\"object\":\"page\",\"entry\":[", true).then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, count("select count(*) from complaint"));
    }

    @Test
    void thePagesOwnPostsReactionsAndOtherFieldsArePassedOver() {
        long before = count("select count(*) from complaint");
        String post = FakeGraph.PAGE + "_" + id();
        deliver(delivery(
                change("comment", "add", post, id(), FakeGraph.PAGE, "Ydmyk AS", "Takk for at du sa fra!"),
                change("reaction", "add", post, null, "9002", "Ola", null),
                "{\"field\":\"ratings\",\"value\":{\"reviewer_id\":\"1\",\"rating\":1}}"), true)
                .then().statusCode(200).body("ignored", org.hamcrest.Matchers.equalTo(3));
        assertEquals(before, count("select count(*) from complaint"));
    }

    @Test
    void aThousandChangesInOneDeliveryAreAllTaken() {
        List<String> changes = new ArrayList<>();
        String post = FakeGraph.PAGE + "_" + id();
        String batch = id();
        for (int i = 0; i < 1000; i++) {
            changes.add(change("comment", "add", post, batch + "_" + i, "u" + i, "Kunde " + i, "Dere fjernet kanalene mine uten varsel, nr " + i));
        }
        long t0 = System.nanoTime();
        deliver(delivery(changes.toArray(String[]::new)), true).then().statusCode(200).body("added", org.hamcrest.Matchers.equalTo(1000));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 20_000, "answered well within Meta's 20 s");
        assertEquals(1000, count("select count(*) from complaint where external_id like '" + batch + "\\_%'"));
    }

    @Test
    void aChangeTheDatabaseRefusesCostsOnlyItselfAmongItsBatch() {
        String post = FakeGraph.PAGE + "_" + id();
        String batch = id();
        String refused = "Avvist av databasen " + batch;
        sql("create function refuse_" + batch + "() returns trigger language plpgsql as $$ begin"
                + " if new.text = '" + refused + "' then raise exception 'refused' using errcode = 'check_violation'; end if;"
                + " return new; end $$");
        sql("create trigger refuse_" + batch + " before insert on complaint for each row execute function refuse_" + batch + "()");
        try {
            deliver(delivery(change("comment", "add", post, batch + "_1", "u1", "Kari", "Regningen er feil igjen."),
                    change("comment", "add", post, batch + "_2", "u2", "Eve", refused),
                    change("comment", "add", post, batch + "_3", "u3", "Ola", "Ingen har svart meg på en uke.")), true)
                    .then().statusCode(200).body("added", org.hamcrest.Matchers.equalTo(2)).body("ignored", org.hamcrest.Matchers.equalTo(1));
        } finally {
            sql("drop trigger refuse_" + batch + " on complaint");
            sql("drop function refuse_" + batch + "()");
        }
        assertTrue(complaintFor(batch + "_1") != null && complaintFor(batch + "_3") != null, "the changes before and after it are taken");
        assertNull(complaintFor(batch + "_2"));
        assertEquals(1, count("select count(*) from facebook_passed_over where external_id = '" + batch + "_2' and reason like 'could not be stored%'"));
    }

    @Test
    void anEditRedraftsAndARemovalWithdrawsEvenBeforeItsAdd() {
        String post = FakeGraph.PAGE + "_" + id();
        String comment = id() + "_" + id();
        deliver(delivery(change("comment", "add", post, comment, "9003", "Knut Berge", "Dere fjernet Discovery uten varsel.")), true)
                .then().statusCode(200);
        String complaint = complaintFor(comment);
        Api.awaitDrafts(complaint, 1);
        deliver(delivery(change("comment", "edited", post, comment, "9003", "Knut Berge",
                "Dere fjernet Discovery og TLC uten varsel. Jeg vil ha dem tilbake.")), true).then().statusCode(200)
                .body("edited", org.hamcrest.Matchers.equalTo(1));
        var edited = Api.awaitDrafts(complaint, 2);
        assertTrue(edited.getString("text").contains("TLC"));
        assertEquals("redraft", edited.getString("drafts[0].status"));

        deliver(delivery(change("comment", "remove", post, comment, "9003", "Knut Berge", null)), true).then().statusCode(200);
        var removed = Api.complaintView(complaint);
        assertEquals("withdrawn", removed.getString("status"));
        assertEquals("withdrawn", removed.getString("drafts[1].status"));

        String early = id() + "_" + id();
        deliver(delivery(change("comment", "remove", post, early, "9004", "Eva", null)), true).then().statusCode(200);
        deliver(delivery(change("comment", "add", post, early, "9004", "Eva", "Dette er for dårlig.")), true).then().statusCode(200)
                .body("added", org.hamcrest.Matchers.equalTo(0));
        assertNull(complaintFor(early));
    }

    private String approvedReplyTo(String comment, String author, String text) {
        deliver(delivery(change("comment", "add", FakeGraph.PAGE + "_" + id(), comment, "9005", author, text)), true).then().statusCode(200);
        String complaint = complaintFor(comment);
        String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));
        Api.approve(draft, null).then().statusCode(200);
        return complaint;
    }

    @Test
    void anApprovedReplyIsPublishedAsACommentWithThePageToken() {
        String comment = id() + "_" + id();
        server.stubFor(post(urlEqualTo("/v21.0/" + comment + "/comments")).willReturn(okJson("{\"id\":\"" + comment + "_reply1\"}")));
        String complaint = approvedReplyTo(comment, "Gustav Berg", "Ni stängde mitt konto utan förklaring och nu kommer jag inte åt mina pengar.");
        var view = Api.awaitStatus(complaint, "answered");
        LoggedRequest sent = server.findAll(postRequestedFor(urlEqualTo("/v21.0/" + comment + "/comments"))).get(0);
        String form = URLDecoder.decode(sent.getBodyAsString(), StandardCharsets.UTF_8);
        assertTrue(form.contains("access_token=EAAB-page-token") && form.contains("Kari Nordmann"), form);
        assertEquals(1, count("select count(*) from reply where external_id = '" + comment + "_reply1'"));

        // Gustav answers our comment: a new complaint in the same conversation, drafted with it.
        String answer = id() + "_" + id();
        deliver(delivery(change("comment", "add", comment + "_reply1", answer, "2001", "Gustav Berg",
                "Tack, men jag kommer fortfarande inte åt pengarna.")), true).then().statusCode(200);
        String answerComplaint = complaintFor(answer);
        var conversation = complaints.conversation(complaints.find(UUID.fromString(answerComplaint)).orElseThrow(), 6);
        assertEquals(2, conversation.size(), conversation.toString());
        assertTrue(!conversation.get(0).ours() && conversation.get(0).text().startsWith("Ni stängde mitt konto"), conversation.toString());
        assertTrue(conversation.get(1).ours() && conversation.get(1).text().contains("Kari Nordmann"), "our reply, signed: " + conversation);
    }

    @Test
    void aTimedOutPublishIsReconciledBeforeAnyRetrySoTheReplyGoesOutOnce() {
        String comment = id() + "_" + id();
        server.stubFor(post(urlEqualTo("/v21.0/" + comment + "/comments"))
                .willReturn(okJson("{\"id\":\"" + comment + "_slow\"}").withFixedDelay(2500)));
        String complaint = approvedReplyTo(comment, "Karin Lindgren", "Väntade i två timmar på en tekniker som aldrig kom.");
        String text = Api.complaintView(complaint).getString("reply.text");
        server.stubFor(get(urlPathEqualTo("/v21.0/" + comment + "/comments")).willReturn(okJson(
                "{\"data\":[{\"id\":\"" + comment + "_slow\",\"message\":" + quote(text) + ",\"from\":{\"id\":\"" + FakeGraph.PAGE
                        + "\",\"name\":\"Ydmyk\"}}],\"paging\":{}}")));
        Api.awaitStatus(complaint, "answered");
        assertEquals(1, server.findAll(postRequestedFor(urlEqualTo("/v21.0/" + comment + "/comments"))).size(), "posted once");
        assertEquals(1, count("select count(*) from reply where external_id = '" + comment + "_slow'"));
    }

    @Test
    void aRateLimitSlowsPublishingDownInsteadOfFailingIt() {
        String comment = id() + "_" + id();
        server.stubFor(post(urlEqualTo("/v21.0/" + comment + "/comments")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#32) Page request limit reached\",\"type\":\"OAuthException\",\"code\":32,\"fbtrace_id\":\"A1\"}}")));
        String complaint = approvedReplyTo(comment, "Tom Baker", "My parcel never arrived and nobody answers my messages.");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Api.complaintView(complaint).getString("reply.lastError") != null);
        var view = Api.complaintView(complaint);
        assertEquals("approved", view.getString("status"), "kept, not failed");
        assertTrue(view.getString("reply.lastError").contains("rate limit"), view.getString("reply.lastError"));
        assertEquals(1, count("select count(*) from reply where sent_at is null and next_attempt_at > now() + interval '2 seconds' "
                + "and complaint_id = '" + complaint + "'"));
        // The limit lifts: the reply goes out, once, and publishing to the page goes on.
        server.stubFor(post(urlEqualTo("/v21.0/" + comment + "/comments")).willReturn(okJson("{\"id\":\"" + comment + "_late\"}")));
        Api.awaitStatus(complaint, "answered");
        assertEquals(0, Api.complaintView(complaint).getInt("reply.publishAttempts") - 1, "the refused calls were not counted as attempts");
    }

    /** Last: an expired token pauses Facebook publishing for the whole service until it is renewed. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anExpiredTokenPausesPublishingKeepsTheReplyAndTellsTheChannels() {
        String comment = id() + "_" + id();
        server.stubFor(post(urlEqualTo("/v21.0/" + comment + "/comments")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Error validating access token: Session has expired\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463}}")));
        String complaint = approvedReplyTo(comment, "Liam Murphy", "The delivery date was wrong and nobody told me.");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> channel.notices().stream().anyMatch(n -> n.kind().equals("facebook-token-expired")));
        assertTrue(channel.notices().stream().anyMatch(n -> n.kind().equals("facebook-token-expired")));
        assertEquals("approved", Api.complaintView(complaint).getString("status"));
        // In the page's tray it is urgent: the button turns red, as for a critical post.
        List<Boolean> urgent = Api.asKari().get("/api/notices").then().statusCode(200).extract().jsonPath()
                .getList("notices.findAll { it.kind == 'facebook-token-expired' }.urgent");
        assertEquals(List.of(true), urgent);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
