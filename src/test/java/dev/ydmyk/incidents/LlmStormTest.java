package dev.ydmyk.incidents;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.ydmyk.Api;
import dev.ydmyk.drafting.llm.CircuitBreaker;
import dev.ydmyk.drafting.llm.FakeOpenAiAccess;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A storm with the model drafter: the model writes the public statement, one call per language, and
 * the members' acknowledgements are composed without it; when the model fails, the statement is the
 * support lead's wording from incident.txt, marked with why.
 */
@QuarkusTest
@TestProfile(LlmStormTest.Profile.class)
class LlmStormTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeOpenAiAccess.resource()));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ydmyk.incidents.enabled", "true");
        }
    }

    /** Words only the statement prompt (prompts/llm/statement.txt) and its update prompt carry. */
    static final String STATEMENT_ASK = "public statement about an incident";
    static final String UPDATE_ASK = "public update to our statement";
    static final String PATH = "/v1/chat/completions";

    static final String STATEMENT_NB = "Siden i morges har mange av dere fortalt oss at internett er nede. Vi vet det, og vi leser alt "
            + "dere skriver til oss. Vi beklager, dette er ikke tjenesten dere betaler for. Teknikerne våre jobber med feilen akkurat nå. "
            + "Vi legger ut en ny oppdatering her innen kl. 12, og alle som har skrevet til oss får et personlig svar.\n\n{agent}, kundeservice";
    static final String STATEMENT_EN = "Since this morning many of you have told us that your internet is down. We know, and we read "
            + "every message you send us. We are sorry: this is not the service you pay us for. Our technicians are working on it right "
            + "now. We will post an update here by noon, and everyone who has written to us will get a personal answer.\n\n"
            + "{agent}, customer service";
    static final String UPDATE_NB = "En oppdatering om bruddet: fiberen er tilbake i hele byen etter at vi reparerte en kabel. Vi beklager "
            + "igjen bryet dette har gitt dere. Takk for at dere sa fra og for tålmodigheten. Si fra til oss hvis noe fortsatt ikke virker."
            + "\n\n{agent}, kundeservice";
    static final String UPDATE_EN = "An update on the outage: the fibre is back across the city after we repaired a cable. Once again, we "
            + "apologise for the trouble this caused. Thank you for telling us and for your patience. Let us know if anything still does "
            + "not work.\n\n{agent}, customer service";
    static final String REPLY_NB = "Hei,\n\nTakk for at du sier fra. Jeg forstår godt at dette er frustrerende, og jeg beklager. Jeg ser på "
            + "saken nå og kommer tilbake til deg.\n\n{agent}";
    static final String REPLY_EN = "Hi,\n\nThank you for telling us. I understand how frustrating this is, and I am sorry. I am looking into "
            + "it now and will get back to you.\n\n{agent}";

    static final List<String> OUTAGE_NB = IncidentFlowTest.OUTAGE;
    static final List<String> OUTAGE_EN = List.of(
            "The internet is down again! The fibre has been gone since this morning and I work from home.",
            "Why is the internet down? No fibre in the whole of Bristol since 7 am, and nobody says anything.",
            "The fibre is dead. No internet since this morning. What is going on??",
            "Internet down here too, fibre gone since half past seven. I work from home and cannot get anything done.",
            "Internet down in the whole neighbourhood, the fibre box has been blinking red since this morning.",
            "Is it just me or is the fibre down? No internet since 7 am.");

    @Inject
    AgroalDataSource ds;
    @Inject
    CircuitBreaker breaker;

    WireMockServer model;

    @BeforeEach
    void calm() {
        Storm.wipe(ds);
        breaker.success();
        model = FakeOpenAiAccess.server();
        model.resetAll();
        // Members drafted before they were placed in an incident get an ordinary reply from the model.
        model.stubFor(ask("language code nb").atPriority(9).willReturn(answer(REPLY_NB, "nb")));
        model.stubFor(ask("language code en").atPriority(9).willReturn(answer(REPLY_EN, "en")));
    }

    @Test
    void theModelWritesOneStatementPerLanguageAndNoMemberCostsACall() {
        model.stubFor(ask(STATEMENT_ASK).withRequestBody(containing("language code nb")).atPriority(1).willReturn(answer(STATEMENT_NB, "nb")));
        model.stubFor(ask(STATEMENT_ASK).withRequestBody(containing("language code en")).atPriority(1).willReturn(answer(STATEMENT_EN, "en")));
        model.stubFor(ask(UPDATE_ASK).withRequestBody(containing("language code nb")).atPriority(1).willReturn(answer(UPDATE_NB, "nb")));
        model.stubFor(ask(UPDATE_ASK).withRequestBody(containing("language code en")).atPriority(1).willReturn(answer(UPDATE_EN, "en")));

        // Before: six posts in each language, enough for the incident to form and take in both languages.
        List<String> before = storm(6, 0);
        String incident = awaitIncident(before);
        List<Map<String, Object>> statements = awaitStatements(incident, 2);
        int callsBefore = calls();
        int statementCalls = calls(STATEMENT_ASK);

        // After: the storm goes on; its members are placed as they arrive and acknowledged without the model.
        List<String> after = storm(12, 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> Storm.incident(incident).getInt("size") == before.size() + after.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> after.stream().allMatch(id -> pendingAcknowledgement(id) != null));
        int callsAfter = calls() - callsBefore;

        // The statements are the model's, one per language, from one call each.
        assertEquals(Set.of("nb", "en"), statements.stream().map(s -> s.get("language")).collect(Collectors.toSet()));
        for (Map<String, Object> s : statements) {
            assertEquals("llm", s.get("drafter"), s.toString());
            assertEquals(s.get("language").equals("nb") ? STATEMENT_NB : STATEMENT_EN, s.get("text"));
        }
        assertEquals(2, calls(STATEMENT_ASK), "one model call per language for the statements");
        assertEquals(statementCalls, calls(STATEMENT_ASK), "no more statement calls as the storm grew");
        String prompt = requests(STATEMENT_ASK).get(0);
        assertTrue(prompt.contains("CUSTOMER_POST"), "the members' posts go in as marked customer text");

        // Members that arrived before the incident formed may have had one ordinary draft each (the worker can be quicker than the
        // detector); from the formation on, no member costs a model call. The target, model calls per storm complaint <= 0.1,
        // is measured over the complaints that came after the formation, the statements' calls counted against them.
        double perMemberAfter = (double) callsAfter / after.size();
        double withStatements = (double) (callsAfter + statementCalls) / after.size();
        double overall = (double) calls() / (before.size() + after.size());
        System.out.printf("LLM STORM: %d members (%d before the formation, %d after); model calls: %d before (%d of them statements), "
                        + "%d after; %.3f per member after the formation, %.3f with the statements, %.3f over the whole storm%n",
                before.size() + after.size(), before.size(), after.size(), callsBefore, statementCalls, callsAfter, perMemberAfter,
                withStatements, overall);
        assertEquals(0, callsAfter, "no model call for a member that joins a formed incident");
        assertTrue(withStatements <= 0.1, "model calls per storm complaint after the formation, statements included: " + withStatements);
        assertTrue(callsBefore - statementCalls <= before.size(), "at most one ordinary draft per early member");
        for (String id : after) {
            Map<String, Object> ack = pendingAcknowledgement(id);
            assertEquals("incident", ack.get("drafter"), "acknowledgements are composed: " + ack);
        }

        // Resolving: the model writes the update, again one call per language.
        Api.asKari().body(Map.of("note", "Fiberen er tilbake etter et kabelbrudd.")).post("/api/incidents/" + incident + "/resolve")
                .then().statusCode(200);
        List<Map<String, Object>> updates = await().atMost(Duration.ofSeconds(30)).until(() -> statements(incident).stream()
                .filter(s -> UPDATE_NB.equals(s.get("text")) || UPDATE_EN.equals(s.get("text"))).toList(), u -> u.size() == 2);
        updates.forEach(u -> assertEquals("llm", u.get("drafter"), u.toString()));
        assertEquals(2, calls(UPDATE_ASK), "one model call per language for the update");
        assertEquals(2, statements(incident).size(), "the two updates wait; the two statements never approved do not");
        assertEquals(List.of("withdrawn", "withdrawn"), Storm.incident(incident).getList("statements.status").stream()
                .filter(s -> !"pending".equals(s)).toList(), "the two statements never approved are withdrawn");
    }

    @Test
    void whenTheModelFailsTheStatementIsTheComposedWordingSaySo() {
        model.stubFor(ask(STATEMENT_ASK).atPriority(1).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"down\"}")));

        List<String> members = storm(6, 0);
        String incident = awaitIncident(members);
        List<Map<String, Object>> statements = awaitStatements(incident, 2);

        for (Map<String, Object> s : statements) {
            assertEquals("incident", s.get("drafter"), s.toString());
            assertEquals("server-error", s.get("fallback"), "the draft says why the model did not write it: " + s);
            String text = (String) s.get("text");
            // The wording of prompts/<lang>/incident.txt, not the fake's.
            assertTrue(s.get("language").equals("nb") ? text.contains("kundeservice") && text.contains("{agent}")
                    : text.contains("customer service") && text.contains("{agent}"), text);
            assertTrue(!text.equals(STATEMENT_NB) && !text.equals(STATEMENT_EN), text);
        }
        assertTrue(calls(STATEMENT_ASK) >= 2, "the model was asked");
    }

    /** {@code n} posts in each language, Norwegian and English in turn; the ids. */
    private static List<String> storm(int n, int from) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            // A number keeps repeated wording apart without tipping the language one way or the other.
            String number = " (" + (i + 1) + ")";
            ids.add(Api.post(Api.complaint("web", Storm.NAMES.get(i % Storm.NAMES.size()), OUTAGE_NB.get(i % OUTAGE_NB.size()) + number)));
            ids.add(Api.post(Api.complaint("web", "Sam Taylor", OUTAGE_EN.get(i % OUTAGE_EN.size()) + number)));
        }
        return ids;
    }

    /** The incident every one of these complaints belongs to. */
    private static String awaitIncident(List<String> ids) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> Api.complaintView(id).getString("incidentId") != null));
        Set<String> incidents = ids.stream().map(id -> Api.complaintView(id).getString("incidentId")).collect(Collectors.toSet());
        assertEquals(1, incidents.size(), "one incident for the storm in both languages: " + incidents);
        return incidents.iterator().next();
    }

    private static List<Map<String, Object>> awaitStatements(String incident, int n) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> statements(incident), s -> s.size() >= n);
    }

    /** The incident's statement drafts, with who drafted them. */
    private static List<Map<String, Object>> statements(String incident) {
        JsonPath pending = Api.asKari().get("/api/drafts?status=pending").then().statusCode(200).extract().jsonPath();
        return pending.getList("findAll { it.purpose == 'statement' && it.incidentId == '" + incident + "' }");
    }

    private static Map<String, Object> pendingAcknowledgement(String complaintId) {
        List<Map<String, Object>> acks = Api.complaintView(complaintId).getList("drafts.findAll { it.status == 'pending' && it.purpose == 'acknowledgement' }");
        return acks.isEmpty() ? null : acks.get(0);
    }

    private static MappingBuilder ask(String words) {
        return post(urlEqualTo(PATH)).withRequestBody(containing(words));
    }

    private static ResponseDefinitionBuilder answer(String text, String language) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(FakeOpenAiAccess.completion(text, language));
    }

    private int calls() {
        return model.findAll(postRequestedFor(urlEqualTo(PATH))).size();
    }

    private int calls(String words) {
        return requests(words).size();
    }

    private List<String> requests(String words) {
        return model.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing(words))).stream()
                .map(r -> r.getBodyAsString()).toList();
    }
}
