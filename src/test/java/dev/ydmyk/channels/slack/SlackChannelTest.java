package dev.ydmyk.channels.slack;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import dev.ydmyk.schedule.Escalations;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.ydmyk.channels.slack.FakeSlack.calls;
import static dev.ydmyk.channels.slack.FakeSlack.server;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(FakeSlack.Profile.class)
class SlackChannelTest {

    @Inject
    AgroalDataSource ds;

    static String marker() {
        return Api.marker("ordre");
    }

    /** Posts a complaint and returns its pending draft's id once Slack has been sent the message. */
    private String draftPostedToSlack(String marker) {
        String complaint = Api.post(Api.complaint("facebook", "Pernille Skov",
                "Min pakke blev leveret til en forkert adresse, og ingen svarer. " + marker));
        String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));
        awaitCalls("chat.postMessage", draft, 1);
        return draft;
    }

    private static List<LoggedRequest> awaitCalls(String method, String containing, int n) {
        return Awaitility.await("Slack called " + n + "x with " + method + " containing " + containing)
                .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> calls(method, containing), found -> found.size() >= n);
    }

    private static String form(LoggedRequest r) {
        return URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8);
    }

    record Answer(int status, String body, String contentType) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Sends a payload as Slack does: form-encoded, signed over the exact bytes sent. */
    static Answer interact(String payload, long clockSkewSeconds, boolean signRight) {
        byte[] body = ("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String ts = String.valueOf(Instant.now().getEpochSecond() + clockSkewSeconds);
        String signature = SlackSignature.sign(signRight ? FakeSlack.SECRET : "not-the-secret", ts, body);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/slack/interactions"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String click(String user, String action, String draft) {
        return """
                {"type":"block_actions","user":{"id":"%s","username":"u","team_id":"T0YDMYK"},"api_app_id":"A0YDMYK",
                 "token":"legacy","container":{"type":"message","message_ts":"1700000000.000200","channel_id":"C0COMPLAINTS"},
                 "trigger_id":"13345224609.738474920.8088930838d88f008e0","team":{"id":"T0YDMYK","domain":"ydmyk"},
                 "channel":{"id":"C0COMPLAINTS","name":"complaints"},"message":{"type":"message","ts":"1700000000.000200"},
                 "response_url":"https://hooks.slack.com/actions/T0YDMYK/1/x",
                 "actions":[{"action_id":"%s","block_id":"draft:%s","value":"%s","type":"button","action_ts":"1700000001.1",
                             "text":{"type":"plain_text","text":"%s"}}]}""".formatted(user, action, draft, draft, action);
    }

    static String submit(String user, String action, String draft, String block, String value, String override) {
        String values = block.equals("text")
                ? "\"text\":{\"text\":{\"type\":\"plain_text_input\",\"value\":%s}},\"override\":{\"override\":{\"type\":\"plain_text_input\",\"value\":%s}}"
                .formatted(quote(value), override == null ? "null" : quote(override))
                : "\"note\":{\"note\":{\"type\":\"plain_text_input\",\"value\":%s}}".formatted(quote(value));
        return """
                {"type":"view_submission","team":{"id":"T0YDMYK"},"user":{"id":"%s","username":"u"},"api_app_id":"A0YDMYK",
                 "trigger_id":"1337.42.abc","view":{"id":"V0MODAL","type":"modal","callback_id":"%s",
                 "private_metadata":"%s|C0COMPLAINTS","state":{"values":{%s}}}}""".formatted(user, action, draft, values);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done) {
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(read::get, done::test);
        } catch (ConditionTimeoutException e) {
            return read.get(); // the caller's assertion shows the value it got
        }
    }

    private static String status(String draft) {
        return Api.asKari().get("/api/drafts/" + draft).then().extract().path("status");
    }

    @Test
    void eachNewDraftIsPostedAsBlockKitWithTheFourButtons() {
        String draft = draftPostedToSlack(marker());
        LoggedRequest r = calls("chat.postMessage", draft).get(0);
        assertEquals("Bearer xoxb-test-token", r.getHeader("Authorization"));
        String sent = form(r);
        assertTrue(sent.contains("channel=C0COMPLAINTS"), sent);
        for (String action : List.of("\"action_id\":\"approve\"", "\"action_id\":\"edit\"", "\"action_id\":\"reject\"", "\"action_id\":\"redraft\"")) {
            assertTrue(sent.contains(action), action + " missing: " + sent);
        }
        assertTrue(sent.contains("Pernille Skov") && sent.contains("acknowledge"), "the post, the draft and the tone notes: " + sent);
    }

    /** One form field of a Web API call, decoded. */
    private static String param(LoggedRequest r, String name) {
        for (String pair : r.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Test
    void aCustomerCannotMentionOrLinkInSlackNeitherInTheBlocksNorInTheNotificationText() {
        String marker = marker();
        String complaint = Api.post(Api.complaint("facebook", "<!channel> Pernille <https://evil.example|Skov>",
                "Min pakke kom aldrig frem <!here> <@U0KARI> <https://evil.example/login|se her> & svar nu. " + marker));
        String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));
        LoggedRequest r = awaitCalls("chat.postMessage", draft, 1).get(0);
        String text = param(r, "text");
        // The texts of the blocks, as Slack reads them (the SDK writes <, > and & as JSON escapes).
        String blocks = JsonPath.from(param(r, "blocks")).getList("text.text", String.class).stream()
                .filter(Objects::nonNull).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(text.contains("&lt;!channel&gt; Pernille &lt;https://evil.example|Skov&gt;"), "the name, shown as written: " + text);
        assertTrue(blocks.contains("&lt;!here&gt; &lt;@U0KARI&gt; &lt;https://evil.example/login|se her&gt; &amp; svar nu"), blocks);
        for (String live : List.of("<!channel>", "<!here>", "<@U0KARI>", "<https://evil.example")) {
            assertTrue(!text.contains(live) && !blocks.contains(live), live + " reached Slack live: " + text + " " + blocks);
        }
    }

    @Test
    void onlyWebAddressesBecomeLinksInSlack() {
        assertEquals("<https://example.com/p?a=1&amp;b=%7C2|open post>", SlackMessages.link("https://example.com/p?a=1&b=|2", "open post").orElseThrow());
        assertTrue(SlackMessages.link("javascript:alert(1)", "open post").isEmpty());
        assertTrue(SlackMessages.link("slack://channel?id=C1", "open post").isEmpty());
        assertTrue(SlackMessages.link("https://x.example/a>b <!channel>", "open post").isEmpty(), "a space: not one address");
    }

    @Test
    void approvingInSlackSendsTheReplyAndUpdatesTheMessage() {
        String draft = draftPostedToSlack(marker());
        long t0 = System.nanoTime();
        assertEquals(200, interact(click("U0KARI", "approve", draft), 0, true).status());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000, "acknowledged within Slack's 3 s");
        assertEquals("sent", await(() -> status(draft), "sent"::equals));
        String update = form(awaitCalls("chat.update", "Approved by Kari Nordmann", 1).get(0));
        assertTrue(update.contains(draft) || update.contains("Pernille"), update);
        assertTrue(!update.contains("\"action_id\":\"approve\""), "a decided message has no buttons");
    }

    @Test
    void erasingTheCustomerRedrawsTheirMessageAsErased() {
        String m = marker();
        String author = "Pernille " + m.substring(6);
        String complaint = Api.post(Api.complaint("facebook", author, "Min pakke blev leveret til en forkert adresse, og ingen svarer. " + m));
        String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));
        awaitCalls("chat.postMessage", draft, 1);
        String ts = await(() -> string("select ts from slack_message where draft_id = '" + draft + "'"), Objects::nonNull);

        Api.asKari().body(Map.of("source", "facebook", "handle", author.toLowerCase().replace(' ', '.'))).post("/api/customers/erase")
                .then().statusCode(200).body("slackMessages", equalTo(1));
        String update = form(awaitCalls("chat.update", "Erased at the customer", 1).get(0));
        assertTrue(update.contains(ts), "the message Slack shows is the one updated: " + update);
        assertTrue(!update.contains(m.substring(6)), "nothing of the customer is left in it: " + update);
        assertTrue(!update.contains("\"action_id\":\"approve\""), "nothing left to approve");
        assertEquals("withdrawn", status(draft));
    }

    @Test
    void editingThroughTheModalIsToneCheckedAndCanBeOverridden() {
        String draft = draftPostedToSlack(marker());
        assertEquals(200, interact(click("U0KARI", "edit", draft), 0, true).status());
        String modal = form(awaitCalls("views.open", draft, 1).get(0));
        assertTrue(modal.contains("13345224609.738474920.8088930838d88f008e0") && modal.contains("\"callback_id\":\"edit\""), modal);

        String rude = "Pernille, ifølge vilkårene er det din egen skyld. {agent}";
        Answer flagged = interact(submit("U0KARI", "edit", draft, "text", rude, null), 0, true);
        assertEquals(200, flagged.status());
        assertEquals("errors", flagged.json().getString("response_action"));
        assertTrue(flagged.json().getString("errors.text").contains("Blames the customer"), flagged.body());
        assertEquals("pending", status(draft));

        String fixed = "Hej Pernille,\n\nJeg forstår godt, at det er frustrerende. Det beklager jeg virkelig. Jeg har sat en efterlysning i gang og vender tilbage til dig her i morgen.\n\n{agent}";
        assertEquals(200, interact(submit("U0KARI", "edit", draft, "text", fixed, null), 0, true).status());
        assertEquals("sent", await(() -> status(draft), "sent"::equals));
        String complaint = Api.asKari().get("/api/drafts/" + draft).path("complaintId");
        assertEquals(fixed.replace("{agent}", "Kari Nordmann"), Api.complaintView(complaint).getString("reply.text"));
    }

    @Test
    void aFlaggedEditWithAnOverrideReasonIsSent() {
        String draft = draftPostedToSlack(marker());
        assertEquals(200, interact(submit("U0LARS", "edit", draft, "text", "PERNILLE, WE ARE SORRY. {agent}",
                "She asked us to shout, on the phone"), 0, true).status());
        assertEquals("sent", await(() -> status(draft), "sent"::equals));
    }

    @Test
    void rejectingAndRedraftingGoThroughTheirModals() {
        String rejected = draftPostedToSlack(marker());
        assertEquals(200, interact(click("U0KARI", "reject", rejected), 0, true).status());
        awaitCalls("views.open", rejected, 1);
        assertEquals(200, interact(submit("U0KARI", "reject", rejected, "note", "Duplicate of an e-mail we answered", null), 0, true).status());
        assertEquals("rejected", await(() -> status(rejected), "rejected"::equals));
        awaitCalls("chat.update", "Rejected by Kari Nordmann", 1);

        String redraft = draftPostedToSlack(marker());
        assertEquals(200, interact(submit("U0LARS", "redraft", redraft, "note", "Mention the new delivery date", null), 0, true).status());
        assertEquals("redraft", await(() -> status(redraft), "redraft"::equals));
        String complaint = Api.asKari().get("/api/drafts/" + redraft).path("complaintId");
        assertEquals("Mention the new delivery date", Api.awaitDrafts(complaint, 2).getString("drafts[1].hint"));
    }

    @Test
    void badSignaturesAndStaleOrFutureTimestampsAreRefusedAndChangeNothing() {
        String draft = draftPostedToSlack(marker());
        Answer unsigned = interact(click("U0KARI", "approve", draft), 0, false);
        assertEquals(401, unsigned.status());
        assertTrue(unsigned.contentType().startsWith("application/problem+json"), unsigned.contentType());
        assertEquals(401, interact(click("U0KARI", "approve", draft), -301, true).status());
        assertEquals(401, interact(click("U0KARI", "approve", draft), 301, true).status());
        given().contentType("application/x-www-form-urlencoded").body("payload=%7B%7D").post("/slack/interactions").then().statusCode(401);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> "pending".equals(status(draft)));
        assertEquals("pending", status(draft));
    }

    @Test
    void aSlackUserWhoIsNotAnAgentCanDoNothing() {
        String draft = draftPostedToSlack(marker());
        assertEquals(200, interact(click("U0STRANGER", "approve", draft), 0, true).status());
        String told = form(awaitCalls("chat.postEphemeral", "U0STRANGER", 1).get(0));
        assertTrue(told.contains("not linked"), told);
        assertEquals("pending", status(draft));
    }

    @Test
    void twoAgentsApprovingAtOnceOneWinsTheOtherIsTold() throws Exception {
        String draft = draftPostedToSlack(marker());
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> interact(click("U0KARI", "approve", draft), 0, true).status());
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> interact(click("U0LARS", "approve", draft), 0, true).status());
        assertEquals(200, a.get());
        assertEquals(200, b.get());
        assertEquals("sent", await(() -> status(draft), "sent"::equals));
        String told = form(await(() -> {
            List<LoggedRequest> e = new ArrayList<>(calls("chat.postEphemeral", "already"));
            e.removeIf(r -> !form(r).contains(draft.substring(0, 8)) && !form(r).contains("already sent") && !form(r).contains("already approved"));
            return e;
        }, l -> !l.isEmpty()).get(0));
        assertTrue(told.contains("already"), told);
        assertEquals(1, count("select count(*) from reply r join draft d on d.id = r.draft_id where d.id = '" + draft + "'"));
    }

    @Test
    void aSlackOutageWhilePostingIsRetriedAndNothingIsLostOrPostedTwice() {
        String m = marker();
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing(m.split(" ")[1]))
                .inScenario(m).whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("one"));
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing(m.split(" ")[1]))
                .inScenario(m).whenScenarioStateIs("one").willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        String draft = draftPostedToSlack(m);
        awaitCalls("chat.postMessage", draft, 3);
        assertEquals(1, await(() -> count("select count(*) from slack_message where ts is not null and draft_id = '" + draft + "'"), n -> n == 1));
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> calls("chat.postMessage", draft).size() == 3);
        assertEquals(3, calls("chat.postMessage", draft).size(), "two failures, then exactly one post");
    }

    @Test
    void rateLimitingIsWaitedOut() {
        String m = marker();
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing(m.split(" ")[1]))
                .inScenario(m).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        String draft = draftPostedToSlack(m);
        List<LoggedRequest> posts = awaitCalls("chat.postMessage", draft, 2);
        long gap = posts.get(1).getLoggedDate().getTime() - posts.get(0).getLoggedDate().getTime();
        assertTrue(gap >= 950, "waited " + gap + " ms after a 429 with Retry-After: 1");
    }

    @Inject
    TestClock clock;
    @Inject
    Escalations escalations;

    @Test
    void anAfterHoursEscalationMentionsWhoeverIsOnCallWithALinkToTheDraft() {
        try {
            clock.set(Instant.parse("2026-11-20T15:54:00Z"));
            String complaint = Api.post(Api.complaint("facebook", "Silje Strand",
                    "Tredje gang på en måned at strømmen går, og ingen gir beskjed. Jeg har en baby i huset! " + marker()));
            String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));
            escalations.check();
            String sent = form(awaitCalls("chat.postMessage", "/channel#draft-" + draft, 1).get(0));
            assertTrue(sent.contains("<@U0LARS>") && sent.contains("out of hours"), sent);
        } finally {
            clock.reset();
        }
    }

    private String string(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDecisionWhileTheDraftIsBeingPostedIsShownAfterThePost() {
        String m = marker();
        // Slack takes its time over this one post: the approval must not wait for it, nor be lost.
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing(m.substring(6))).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"" + FakeSlack.CHANNEL + "\",\"ts\":\"1700000099.000100\"}")));
        String complaint = Api.post(Api.complaint("facebook", "Pernille Skov",
                "Min pakke blev leveret til en forkert adresse, og ingen svarer. " + m));
        String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> calls("chat.postMessage", draft).size() == 1);

        Api.approve(draft, Map.of()).then().statusCode(200);
        assertEquals(0, count("select count(*) from slack_message where ts is not null and draft_id = '" + draft + "'"),
                "the approval was answered while Slack was still taking the post: no lock held across the call");

        List<LoggedRequest> updates = Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> calls("chat.update", m.substring(6)), u -> !u.isEmpty());
        assertTrue(form(updates.get(updates.size() - 1)).contains("Approved by Kari Nordmann"), "the message shows the approval");
        assertTrue(form(updates.get(0)).contains("1700000099.000100"), "the update is of the message Slack just posted");
    }
}
