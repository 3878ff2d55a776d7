package dev.ydmyk.drafting.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ydmyk.Api;
import dev.ydmyk.drafting.DraftRequest;
import dev.ydmyk.intake.Complaint;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.triage.Triager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.ydmyk.drafting.llm.FakeOpenAi.answering;
import static dev.ydmyk.drafting.llm.FakeOpenAi.forPost;
import static dev.ydmyk.drafting.llm.FakeOpenAi.reply;
import static dev.ydmyk.drafting.llm.FakeOpenAi.requestsFor;
import static dev.ydmyk.drafting.llm.FakeOpenAi.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(LlmProfile.class)
class LlmDrafterTest {

    static final String CLEAN_DA = "Hej Pernille,\n\nTak, fordi du fortæller os om pakken. Jeg forstår godt, at det er frustrerende, "
            + "og det beklager vi virkelig. Jeg har sat en efterlysning i gang hos fragtfirmaet, så vi finder ud af, hvad der skete. "
            + "Jeg vender tilbage til dig her, så snart jeg ved mere. Tak, fordi du sagde til.\n\nVenlig hilsen {agent}";
    static final String CLEAN_EN = "Hi James,\n\nThank you for telling us about your refund. I understand how frustrating six weeks "
            + "of waiting is, and I am truly sorry. I have asked our payments team to look into your case today. "
            + "I will get back to you here as soon as I know more. Thank you for your patience.\n\nBest regards,\n{agent}";

    @Inject
    CircuitBreaker breaker;
    @Inject
    LlmPrompt prompt;
    @Inject
    FallbackRedrafter fallbackRedrafter;
    @Inject
    Triager triager;

    @BeforeEach
    void closeCircuit() {
        breaker.success();
    }

    static String marker() {
        return Api.marker("sak");
    }

    private String postDanish(String marker) {
        return Api.post(Api.complaint("facebook", "Pernille Skov",
                "Min pakke blev leveret til en helt forkert adresse, og chaufføren skriver, at jeg selv har modtaget den. " + marker));
    }

    private String postEnglish(String marker) {
        return Api.post(Api.complaint("twitter", "James O'Neill",
                "Waited 6 weeks for a refund that your agent promised would take 5 days. " + marker));
    }

    private static JsonPath draftOf(String complaintId) {
        return Api.awaitDrafts(complaintId, 1);
    }

    @Test
    void theRequestCarriesTheGuidelinesFirstThenThePostInsideItsDelimitersAndTheConfiguredModel() throws Exception {
        String m = marker();
        server.stubFor(forPost(m).willReturn(answering(reply(CLEAN_DA, "da"))));
        JsonPath view = draftOf(postDanish(m));
        assertEquals("llm", view.getString("drafts[0].drafter"));
        assertNull(view.getString("drafts[0].fallback"));
        assertEquals(CLEAN_DA, view.getString("drafts[0].text"));

        List<LoggedRequest> requests = requestsFor(m);
        assertEquals(1, requests.size());
        assertEquals("Bearer test-key", requests.get(0).getHeader("Authorization"));
        JsonNode body = new ObjectMapper().readTree(requests.get(0).getBodyAsString());
        assertEquals(FakeOpenAi.MODEL, body.get("model").asText());
        JsonNode messages = body.get("messages");
        assertEquals("system", messages.get(0).get("role").asText());
        assertTrue(messages.get(0).get("content").asText().contains("Acknowledge what happened"));
        assertTrue(messages.get(0).get("content").asText().contains(prompt.canary()));
        assertFalse(messages.get(0).get("content").asText().contains(m), "the post is not in the stable prefix");
        String user = messages.get(1).get("content").asText();
        assertEquals("user", messages.get(1).get("role").asText());
        int start = user.indexOf(LlmPrompt.POST_START);
        int end = user.indexOf(LlmPrompt.POST_END);
        assertTrue(start >= 0 && end > start && user.substring(start, end).contains(m), user);
        assertTrue(user.contains("Danish"), user);
    }

    @Test
    void anAnswerToOurReplyIsDraftedWithTheConversationSoFar() {
        String text = "Tak for svaret, men pakken er stadig ikke kommet, og nu er der gået en uge mere.";
        var complaint = new Complaint(UUID.randomUUID(), "facebook", "c2", "Pernille Skov", "1", text, null,
                null, null, java.time.Instant.now(), null, true, null, null, "our-reply-1", null);
        var turns = List.of(
                new ComplaintRepository.Turn(false, "Pernille Skov", "Min pakke blev leveret til en forkert adresse."),
                new ComplaintRepository.Turn(true, "Kari Nordmann", "Hej Pernille, jeg har sat en efterlysning i gang."));
        String user = prompt.user(new DraftRequest(complaint, triager.triage(text, null), "da", null, 0, turns));
        int conversation = user.indexOf("The conversation so far");
        assertTrue(conversation > 0, user);
        assertTrue(user.indexOf("- Customer (Pernille Skov): Min pakke blev leveret") > conversation, user);
        assertTrue(user.indexOf("- Us (Kari Nordmann): Hej Pernille") > user.indexOf("- Customer (Pernille Skov)"), "oldest first: " + user);
        assertTrue(user.indexOf(LlmPrompt.POST_START) > user.indexOf("- Us (Kari Nordmann)"), "the new post comes last: " + user);

        String first = prompt.user(new DraftRequest(complaint, triager.triage(text, null), "da", null, 0));
        assertFalse(first.contains("The conversation so far"), "a first post has no conversation");
    }

    @Test
    void aRudeReplyIsRepromptedWithTheFindingThenAccepted() {
        String m = marker();
        String rude = "James, if you had read our terms you would know this is your own fault. {agent}";
        server.stubFor(forPost(m).inScenario(m).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answering(reply(rude, "en"))).willSetStateTo("rude-sent"));
        server.stubFor(forPost(m).inScenario(m).whenScenarioStateIs("rude-sent").willReturn(answering(reply(CLEAN_EN, "en"))));
        JsonPath view = draftOf(postEnglish(m));
        assertEquals("llm", view.getString("drafts[0].drafter"));
        assertEquals(CLEAN_EN, view.getString("drafts[0].text"));
        List<LoggedRequest> requests = requestsFor(m);
        assertEquals(2, requests.size());
        assertTrue(requests.get(1).getBodyAsString().contains("Blames the customer"), "the re-prompt names the finding");
    }

    @Test
    void aQuestionTheOfflineReadingTookBackFromAComplaintGetsNoThankYouWrittenForPraise() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(answering(FakeOpenAi.replyReading(
                "Hi James, thank you so much for the kind words! We are so glad. {agent}", "en", "praise", "low", false))));
        // The word lists read a complaint (trouble told beside the question); the learnt reading takes it back as a question.
        JsonPath view = draftOf(Api.post(Api.complaint("twitter", "James O'Neill",
                "What do I do if I've lost my bank card abroad? Can't find the number to block it. " + m)));
        assertEquals("question", view.getString("triage.kind"), view.prettify());
        assertEquals("guidelines", view.getString("drafts[0].drafter"), "a thank-you for praise is not sent to a question");
        assertEquals("model-read-as-praise", view.getString("drafts[0].fallback"));
        assertFalse(view.getString("drafts[0].text").contains("kind words"), view.getString("drafts[0].text"));
    }

    @Test
    void whereTheModelReadsAComplaintAsPraiseBothReadingsAreShownAndTheSaferDecides() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(answering(FakeOpenAi.replyReading(
                "Hi James, thank you so much for the kind words! We are so glad. {agent}", "en", "praise", "low", false))));
        JsonPath view = draftOf(postEnglish(m));
        assertEquals("complaint", view.getString("triage.kind"));
        assertTrue(view.getList("triage.flags").contains("uncertain"), view.getList("triage.flags").toString());
        assertTrue(view.getString("triage.reasons").contains("the model read it as kind praise"), view.prettify());
        assertEquals("guidelines", view.getString("drafts[0].drafter"), "a thank-you for praise is not sent to a possible complaint");
        assertEquals("model-read-as-praise", view.getString("drafts[0].fallback"));
        // The post is uncertain now: the guideline draft takes the safe reading (README, "Judgment"), neither thanking
        // for kind words nor apologising for what the model took as praise, and still looks into it and comes back.
        String text = view.getString("drafts[0].text");
        assertFalse(text.contains("kind words"), text);
        assertFalse(view.getList("drafts[0].toneCheck.moves").contains("apologise"), text);
        assertTrue(view.getList("drafts[0].toneCheck.moves").containsAll(List.of("acknowledge", "fix", "report-back")), text);
    }

    @Test
    void whereTheModelReadsItAsMoreSeriousTheHigherSeverityStands() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(answering(FakeOpenAi.replyReading(CLEAN_EN, "en", "complaint", "critical", false))));
        JsonPath view = draftOf(postEnglish(m));
        assertEquals("critical", view.getString("triage.severity"));
        assertEquals("llm", view.getString("drafts[0].drafter"));
        assertTrue(view.getString("triage.reasons").contains("severity critical"), view.getString("triage.reasons"));
    }

    @Test
    void aReplyPromisingAFullRefundPlusMoneyIsRefusedAndTheGuidelineDrafterStandsIn() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(answering(reply(
                "Hi James, so sorry! We will give you a full refund plus $500 for the trouble. We will get back to you. {agent}", "en"))));
        JsonPath view = draftOf(postEnglish(m));
        String text = view.getString("drafts[0].text");
        assertEquals("guidelines", view.getString("drafts[0].drafter"));
        assertTrue(view.getString("drafts[0].fallback").startsWith("guardrail:"), view.getString("drafts[0].fallback"));
        assertFalse(text.contains("500") || text.toLowerCase(Locale.ROOT).contains("full refund"), text);
        assertEquals(3, requestsFor(m).size(), "quarkus.langchain4j.guardrails.max-retries=3: the answer and two re-prompts");
    }

    @Test
    void aReplyInTheWrongLanguageIsRefused() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(answering(reply(CLEAN_EN, "en"))));
        JsonPath view = draftOf(postDanish(m));
        assertEquals("guardrail:language", view.getString("drafts[0].fallback"));
        assertEquals("da", view.getString("drafts[0].language"));
        assertTrue(view.getString("drafts[0].text").startsWith("Hej") || view.getString("drafts[0].text").startsWith("Kære"));
        assertTrue(requestsFor(m).get(1).getBodyAsString().contains("Danish"), "the re-prompt asks for Danish");
    }

    @Test
    void aReplyLeakingThePromptIsRefused() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(answering(reply("Hej Pernille, my instructions say: " + prompt.canary() + " {agent}", "da"))));
        JsonPath view = draftOf(postDanish(m));
        assertEquals("guardrail:prompt-leak", view.getString("drafts[0].fallback"));
        assertFalse(view.getString("drafts[0].text").contains(prompt.canary()));
    }

    @Test
    void a429WithRetryAfterIsWaitedOutThenRetried() {
        String m = marker();
        server.stubFor(forPost(m).inScenario(m).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"))
                .willSetStateTo("limited"));
        server.stubFor(forPost(m).inScenario(m).whenScenarioStateIs("limited").willReturn(answering(reply(CLEAN_EN, "en"))));
        JsonPath view = draftOf(postEnglish(m));
        assertEquals("llm", view.getString("drafts[0].drafter"));
        List<LoggedRequest> requests = requestsFor(m);
        assertEquals(2, requests.size());
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertTrue(gap >= 900, "waited " + gap + " ms; Retry-After asked for 1 s");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenTheGuidelineDrafterStandsIn() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));
        JsonPath view = draftOf(postEnglish(m));
        assertEquals("server-error", view.getString("drafts[0].fallback"));
        // ydmyk.llm.max-attempts=3 attempts with backoff; within each, the OpenAI client retries once at once
        // (quarkus.langchain4j.openai.max-retries=1, the lowest it accepts).
        assertEquals(6, requestsFor(m).size());
        assertTrue(view.getList("drafts[0].toneCheck.moves").contains("apologise"));
    }

    @Test
    void aModelTooSlowForTheTimeoutFallsBack() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(answering(reply(CLEAN_EN, "en")).withFixedDelay(4_000)));
        JsonPath view = draftOf(postEnglish(m));
        assertEquals("timeout", view.getString("drafts[0].fallback"));
    }

    @Test
    void malformedAnswersFallBack() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"choices\": [ {")));
        assertEquals("malformed", draftOf(postEnglish(m)).getString("drafts[0].fallback"));

        String m2 = marker();
        server.stubFor(forPost(m2).willReturn(answering("Sure! Here is a nice reply for James, no JSON today.")));
        assertEquals("guardrail:malformed", draftOf(postEnglish(m2)).getString("drafts[0].fallback"));
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndClosesWhenTheModelIsBack() throws Exception {
        rejectEveryPendingDraft();
        String down = marker();
        server.stubFor(forPost(down).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 3; i++) {
            draftOf(postEnglish(down + " " + i));
        }
        int callsWhileDown = requestsFor(down).size();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());

        String skipped = marker();
        server.stubFor(forPost(skipped).willReturn(answering(reply(CLEAN_EN, "en"))));
        assertEquals("circuit-open", draftOf(postEnglish(skipped)).getString("drafts[0].fallback"));
        assertEquals(0, requestsFor(skipped).size(), "no call while the circuit is open");
        assertEquals(callsWhileDown, requestsFor(down).size());

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> breaker.state() != CircuitBreaker.State.OPEN); // ydmyk.llm.breaker-open=PT2S
        String back = marker();
        server.stubFor(forPost(back).willReturn(answering(reply(CLEAN_EN, "en"))));
        assertEquals("llm", draftOf(postEnglish(back)).getString("drafts[0].drafter"));
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());

        // With the model back, the fallback drafts written while it was down can be redrafted by it.
        server.stubFor(forPost(down).willReturn(answering(reply(CLEAN_EN, "en"))));
        assertTrue(fallbackRedrafter.redraftFallbacks(50) >= 1);
        JsonPath redone = Api.awaitDrafts(Api.complaintView(
                Api.asKari().get("/api/drafts?status=redraft&limit=500").then().extract().<String>path("find { it.complaint.text.contains('" + skipped + "') }.complaintId")).getString("id"), 2);
        assertEquals("llm", redone.getString("drafts[1].drafter"));
    }

    /** Other tests leave fallback drafts pending; a clean queue keeps this one about its own. */
    private static void rejectEveryPendingDraft() {
        List<String> pending = Api.asKari().get("/api/drafts?status=pending&limit=500").then().extract().path("id");
        for (String id : pending) {
            Api.asKari().body(Map.of("reason", "test isolation")).post("/api/drafts/" + id + "/reject");
        }
    }

    @Test
    void anAgentsRedraftHintGoesToTheModel() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(answering(reply(CLEAN_EN, "en"))));
        String complaint = postEnglish(m);
        String draft = Api.latestDraftId(draftOf(complaint));
        Api.asKari().body(Map.of("hint", "Mention that the refund was sent yesterday")).post("/api/drafts/" + draft + "/redraft")
                .then().statusCode(202);
        Api.awaitDrafts(complaint, 2);
        List<LoggedRequest> requests = requestsFor(m);
        assertTrue(requests.get(requests.size() - 1).getBodyAsString().contains("Mention that the refund was sent yesterday"));
    }

    @Test
    void modelUseIsMeasured() {
        String m = marker();
        server.stubFor(forPost(m).willReturn(answering(reply(CLEAN_EN, "en"))));
        draftOf(postEnglish(m));
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("ydmyk_llm_latency_seconds_count", "ydmyk_llm_tokens_total{direction=\"in\"",
                "ydmyk_llm_tokens_total{direction=\"in-cached\"", "ydmyk_llm_tokens_total{direction=\"out\"",
                "ydmyk_drafts_total{drafter=\"llm\"", "ydmyk_llm_calls_total")) {
            assertTrue(metrics.contains(name), name + " missing from /q/metrics");
        }
    }
}
