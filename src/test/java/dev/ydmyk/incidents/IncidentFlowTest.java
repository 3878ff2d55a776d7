package dev.ydmyk.incidents;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One outage, told by many customers: one incident, one statement, a personal acknowledgement each, one bulk approval. */
@QuarkusTest
@TestProfile(StormProfile.class)
class IncidentFlowTest {

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void calm() {
        Storm.wipe(ds);
    }

    static final List<String> OUTAGE = List.of(
            "Internett er nede igjen! Fiberen har vært borte siden i morges og jeg jobber hjemmefra.",
            "Hvorfor er nettet nede? Ingen fiber i hele Bergen siden kl 07, og ingen sier noe.",
            "Fiberen er død. Ikke noe internett siden i morges. Hva skjer??",
            "Nettet nede her også, fiber borte siden halv åtte. Har hjemmekontor og får ikke jobbet.",
            "Internett nede i hele nabolaget, fiberboksen blinker rødt siden i morges.",
            "Er det bare meg eller er fiberen nede? Ikke internett siden kl 07.");

    @Test
    void aStormBecomesOneIncidentWithOneStatementAndAnAcknowledgementEach() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < OUTAGE.size(); i++) {
            ids.add(Api.post(Api.complaint("web", Storm.NAMES.get(i), OUTAGE.get(i))));
        }
        String unrelated = Api.post(Api.complaint("web", "Per Hansen", "Fakturaen min er feil for tredje måned på rad."));

        String incident = await().atMost(Duration.ofSeconds(60)).until(() -> Api.complaintView(ids.get(5)).getString("incidentId"),
                id -> id != null);
        // The incident's size is written as members arrive, coalesced to once a second.
        JsonPath view = await().atMost(Duration.ofSeconds(60)).until(() -> Storm.incident(incident), v -> v.getInt("size") == 6);
        assertEquals("open", view.getString("status"));
        assertTrue(view.getList("topics").contains("outage"), view.prettify());
        assertEquals(1, view.getList("statements").size(), "one statement per language");
        assertEquals("nb", view.getString("statements[0].language"));
        assertTrue(view.getString("statements[0].text").contains("beklager"), view.getString("statements[0].text"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Storm.incident(incident).getInt("acknowledgements.pending") == 6);
        assertNull(Api.complaintView(unrelated).getString("incidentId"), "the bill is not part of the outage");
        // One notice for the formation (the on-call ping), naming the incident once; none per member.
        List<Map<String, Object>> formed = Api.asKari().get("/api/notices").then().statusCode(200).extract().jsonPath()
                .getList("notices.findAll { it.kind == 'incident-formed' }");
        assertEquals(1, formed.size(), formed.toString());
        assertEquals("An incident formed: " + view.getString("title") + ". Its public statement waits for approval",
                formed.get(0).get("title"));

        // Every member has one pending acknowledgement, personal, and no pending reply of its own.
        for (int i = 0; i < ids.size(); i++) {
            JsonPath c = Api.complaintView(ids.get(i));
            List<Map<String, Object>> pending = c.getList("drafts.findAll { it.status == 'pending' && it.purpose != 'statement' }");
            assertEquals(1, pending.size(), c.prettify());
            assertEquals("acknowledgement", pending.get(0).get("purpose"));
            String text = (String) pending.get(0).get("text");
            assertTrue(text.startsWith("Hei " + Storm.NAMES.get(i).split(" ")[0]), text);
            assertTrue(text.contains("beklager"), text);
            assertTrue(text.contains("kommer tilbake til deg"), text);
        }

        // The statement first in the queue.
        assertEquals("statement", Api.asKari().get("/api/drafts?status=pending").then().statusCode(200).extract().path("[0].purpose"));

        Api.asKari().body(Map.of("purpose", "acknowledgement")).post("/api/incidents/" + incident + "/approve")
                .then().statusCode(200).body("approved", equalTo(6)).body("held", equalTo(0));
        Api.asKari().body(Map.of("purpose", "acknowledgement")).post("/api/incidents/" + incident + "/approve")
                .then().statusCode(200).body("approved", equalTo(0));
        for (String id : ids) {
            JsonPath sent = Api.awaitSent(id);
            assertTrue(sent.getString("reply.text").contains("Kari Nordmann"), "signed by the approving agent");
        }
        assertEquals(6, Storm.incident(incident).getInt("acknowledgements.sent"));

        // Resolving drafts an update and a report-back to everyone, and closes the promises.
        Api.asKari().body(Map.of("note", "Fiberen er tilbake i hele Bergen etter et kabelbrudd.")).post("/api/incidents/" + incident + "/resolve")
                .then().statusCode(200).body("status", equalTo("resolved"));
        Api.asKari().body(Map.of("note", "igjen")).post("/api/incidents/" + incident + "/resolve").then().statusCode(409);
        JsonPath resolved = Storm.incident(incident);
        assertEquals(2, resolved.getList("statements").size(), "the statement and its update");
        assertEquals("withdrawn", resolved.getString("statements[0].status"), "the statement never approved is not left to approve");
        assertEquals("pending", resolved.getString("statements[1].status"));
        assertEquals(6, resolved.getInt("reportBacks.pending"));
        Api.asKari().body(Map.of("purpose", "report-back")).post("/api/incidents/" + incident + "/approve")
                .then().statusCode(200).body("approved", equalTo(6));
        JsonPath member = await().atMost(Duration.ofSeconds(60)).until(() -> Api.complaintView(ids.get(0)),
                c -> c.getList("replies").size() == 2 && c.getList("replies.sentAt").stream().allMatch(a -> a != null));
        assertTrue(member.getString("replies[1].text").contains("kabelbrudd"), member.prettify());
        assertEquals("fixed", member.getString("followUps[0].status"));
        assertNotNull(member.getString("followUps[0].note"));
    }

    @Test
    void anErasedCustomersPostNoLongerCountsTowardsAStormNorJoinsOne() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(Api.post(Api.complaint("web", Storm.NAMES.get(i), OUTAGE.get(i))));
        }
        ids.forEach(id -> Api.awaitDrafts(id, 1));
        String erasedHandle = Storm.NAMES.get(3).toLowerCase().replace(' ', '.');
        Api.asKari().body(Map.of("source", "web", "handle", erasedHandle)).post("/api/customers/erase").then().statusCode(200)
                .body("complaints", equalTo(1));

        // Four look-alikes were known, one is erased: the fifth post makes four, short of a storm.
        String fifth = Api.post(Api.complaint("web", Storm.NAMES.get(4), OUTAGE.get(4)));
        assertNull(Api.awaitDrafts(fifth, 1).getString("incidentId"), "the erased post still counted towards a storm");
        String sixth = Api.post(Api.complaint("web", Storm.NAMES.get(5), OUTAGE.get(5)));
        String incident = await().atMost(Duration.ofSeconds(60)).until(() -> Api.complaintView(sixth).getString("incidentId"), id -> id != null);
        assertNull(Api.complaintView(ids.get(3)).getString("incidentId"), "the erased customer's post joined the storm");
        await().atMost(Duration.ofSeconds(60)).until(() -> Storm.incident(incident).getInt("size") == 5);
    }

    @Test
    void questionsAndPraiseGetTheirOwnAnswerInAStormWhileABareOutburstJoinsIt() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < OUTAGE.size(); i++) {
            ids.add(Api.post(Api.complaint("web", Storm.NAMES.get(i), OUTAGE.get(i))));
        }
        String incident = await().atMost(Duration.ofSeconds(60)).until(() -> Api.complaintView(ids.get(5)).getString("incidentId"),
                id -> id != null);
        String question = Api.post(Api.complaint("web", "Nora Holm", "Har dere åpent i butikken på Lagunen på lørdag?"));
        String praise = Api.post(Api.complaint("web", "Lars Aas", "Tusen takk til Maria på Lagunen for god hjelp med ny telefon i går!"));
        String outburst = Api.post(Api.complaint("web", "Maja Nilsen", "Igjen???"));

        for (String id : List.of(question, praise)) {
            JsonPath view = Api.awaitDrafts(id, 1);
            assertNull(view.getString("incidentId"), view.prettify());
            assertEquals("reply", view.getString("drafts[0].purpose"), view.prettify());
        }
        JsonPath joined = await().atMost(Duration.ofSeconds(60)).until(() -> Api.complaintView(outburst),
                c -> c.getList("drafts").size() == 1);
        assertEquals(incident, joined.getString("incidentId"), "a bare outburst in the middle of a storm is about the storm");
        assertEquals("acknowledgement", joined.getString("drafts[0].purpose"));
    }

    @Test
    void unknownIncidentsAndBadBodiesAreClearProblems() {
        String nobody = "00000000-0000-0000-0000-000000000000";
        Api.asKari().get("/api/incidents/" + nobody).then().statusCode(404).contentType("application/problem+json");
        Api.asKari().body(Map.of("purpose", "acknowledgement")).post("/api/incidents/" + nobody + "/approve").then().statusCode(404);
        Api.asKari().body(Map.of("note", "x")).post("/api/incidents/" + nobody + "/resolve").then().statusCode(404);
        Api.asKari().body(Map.of("purpose", "everything")).post("/api/incidents/" + nobody + "/approve").then().statusCode(400)
                .body("field", equalTo("purpose"));
        Api.asKari().get("/api/incidents?status=burning").then().statusCode(400).body("field", equalTo("status"));
        Api.asSource().get("/api/incidents").then().statusCode(401);
    }
}
