package dev.ydmyk.approval;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.ydmyk.Api.approve;
import static dev.ydmyk.Api.asKari;
import static dev.ydmyk.Api.asLars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ApprovalTest {

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void emptyQueue() {
        Api.wipe(ds);
    }

    private String pendingDraftFor(String author, String text) {
        String id = Api.post(Api.complaint("facebook", author, text));
        return Api.latestDraftId(Api.awaitDrafts(id, 1));
    }

    @Test
    void approvingSendsTheReplySignedWithTheAgentsName() {
        String draft = pendingDraftFor("Silje Strand", "Tredje gang på en måned at strømmen går og ingen gir beskjed.");
        String complaint = approve(draft, null).then().statusCode(200)
                // No undo window in tests: publishing may already have sent it by the time the answer is written.
                .body("status", org.hamcrest.Matchers.anyOf(equalTo("approved"), equalTo("sent"))).body("decidedBy", equalTo("kari"))
                .extract().path("complaintId");
        var view = Api.awaitSent(complaint);
        assertEquals("answered", view.getString("status"));
        assertEquals("Kari Nordmann", view.getString("reply.agent"));
        assertTrue(view.getString("reply.text").contains("Kari Nordmann"), view.getString("reply.text"));
        assertFalse(view.getString("reply.text").contains("{agent}"));
        assertTrue(view.getString("reply.text").startsWith("Hei"), "greets the customer");
        assertNotNull(view.getString("reply.sentAt"));
        assertTrue(view.getList("events.action").containsAll(List.of("drafted", "approved", "sent")));
    }

    private static void assertNotNull(Object o) {
        assertTrue(o != null);
    }

    @Test
    void anEditedReplyIsSentAsEdited() {
        String draft = pendingDraftFor("Karin Lindgren", "Väntade i två timmar på en tekniker som aldrig kom.");
        String edited = "Hej Karin,\n\nJag förstår verkligen hur frustrerande det är att vänta förgäves på en tekniker, "
                + "och jag ber om ursäkt för det. Jag har bett om en ny tid som passar dig och följer upp den själv. "
                + "Jag återkommer till dig här i morgon förmiddag.\n\n{agent}";
        String complaint = approve(draft, Map.of("text", edited)).then().statusCode(200).extract().path("complaintId");
        String sent = Api.complaintView(complaint).getString("reply.text");
        assertEquals(edited.replace("{agent}", "Kari Nordmann"), sent);
    }

    @Test
    void anEditThatDropsTheApologyIsAWarningTheAgentConfirms() {
        String draft = pendingDraftFor("Ola Nordmann", "Pakken min kom aldri, og ingen svarer på e-post. Dette er ikke greit.");
        String curt = "Hei Ola,\n\nJeg forstår. Jeg skal be transportøren spore sendingen, og jeg kommer tilbake til deg her.\n\n{agent}";
        approve(draft, Map.of("text", curt)).then().statusCode(422).contentType("application/problem+json")
                .body("findings.rule", hasItem("dropped-move")).body("findings.excerpt", hasItem("apologise"));
        asKari().get("/api/drafts/" + draft).then().body("status", equalTo("pending"));
        approve(draft, Map.of("text", curt, "override", "The customer asked us to skip the apologies")).then().statusCode(200);
    }

    @Test
    void anEditTheToneCheckFlagsIsRefusedWithTheFindingsUnlessOverridden() {
        String draft = pendingDraftFor("James O'Neill", "Waited 6 weeks for a refund that your agent promised would take 5 days.");
        String rude = "James, according to our terms refunds take up to 8 weeks. You should have read them. {agent}";
        approve(draft, Map.of("text", rude)).then().statusCode(422).contentType("application/problem+json")
                .body("findings.rule", hasItem("defensive")).body("findings.rule", hasItem("blame"))
                .body("field", equalTo("text"));
        asKari().get("/api/drafts/" + draft).then().body("status", equalTo("pending"));

        approve(draft, Map.of("text", rude, "override", "Legal asked for this exact wording")).then().statusCode(200);
        var view = Api.complaintView(asKari().get("/api/drafts/" + draft).path("complaintId"));
        assertTrue(view.getString("events.find { it.action == 'approved' }.detail").contains("Legal asked for this exact wording"));
    }

    @Test
    void twoApprovalsAtOnceOneWinsTheOtherGets409() throws Exception {
        String draft = pendingDraftFor("Pernille Skov", "Min pakke blev leveret til en helt forkert adresse.");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> calls = new ArrayList<>();
        calls.add(() -> {
            start.await();
            return asKari().body(Map.of()).post("/api/drafts/" + draft + "/approve").statusCode();
        });
        calls.add(() -> {
            start.await();
            return asLars().body(Map.of()).post("/api/drafts/" + draft + "/approve").statusCode();
        });
        List<Future<Integer>> results = new ArrayList<>();
        for (Callable<Integer> c : calls) {
            results.add(pool.submit(c));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : results) {
            codes.add(f.get());
        }
        pool.shutdown();
        codes.sort(Integer::compare);
        assertEquals(List.of(200, 409), codes);
        assertEquals(1, Api.count(ds, "reply"));
    }

    @Test
    void approvingTwiceIsRefusedNamingWhoDecided() {
        String draft = pendingDraftFor("Gustav Berg", "Ni stängde mitt konto utan förklaring.");
        approve(draft, null).then().statusCode(200);
        asLars().body(Map.of()).post("/api/drafts/" + draft + "/approve").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("kari"));
    }

    @Test
    void aRejectedDraftCannotBeApproved() {
        String draft = pendingDraftFor("Chris Walker", "Worst. Service. Ever.");
        asKari().body(Map.of()).post("/api/drafts/" + draft + "/reject").then().statusCode(400).body("field", equalTo("reason"));
        asKari().body(Map.of("reason", "Too generic; I will call him")).post("/api/drafts/" + draft + "/reject")
                .then().statusCode(200).body("status", equalTo("rejected")).body("note", equalTo("Too generic; I will call him"));
        approve(draft, null).then().statusCode(409).body("detail", containsString("rejected"));
        assertEquals(0, Api.count(ds, "reply"));
    }

    @Test
    void redraftProducesANewPendingDraftCarryingTheHint() {
        String draft = pendingDraftFor("Anders Vestergaard", "To forkerte regninger og mit nummer er blevet lukket ved en fejl.");
        asKari().body(Map.of()).post("/api/drafts/" + draft + "/redraft").then().statusCode(400).body("field", equalTo("hint"));
        String complaint = asKari().body(Map.of("hint", "Mention that the number is open again"))
                .post("/api/drafts/" + draft + "/redraft").then().statusCode(202)
                .body("status", equalTo("redraft")).extract().path("complaintId");
        var view = Api.awaitDrafts(complaint, 2);
        assertEquals("redraft", view.getString("drafts[0].status"));
        assertEquals("pending", view.getString("drafts[1].status"));
        assertEquals("Mention that the number is open again", view.getString("drafts[1].hint"));
        assertNotEquals(view.getString("drafts[0].text"), view.getString("drafts[1].text"), "a redraft reads differently");
    }

    @Test
    void theGuidelineDrafterUsesAHintItUnderstandsAndSaysSoWhenItCannot() {
        String draft = pendingDraftFor("Anders Vestergaard", "Pakken min kom aldri, og ingen svarer på e-post. Dette er ikke greit.");
        String first = asKari().get("/api/drafts/" + draft).path("text");
        String complaint = asKari().body(Map.of("hint", "Shorter and more formal, please")).post("/api/drafts/" + draft + "/redraft")
                .then().statusCode(202).extract().path("complaintId");
        var view = Api.awaitDrafts(complaint, 2);
        String shorter = view.getString("drafts[1].text");
        assertTrue(shorter.length() < first.length(), "shorter:\n" + shorter + "\n---\n" + first);
        assertTrue(shorter.startsWith("God dag, Anders."), shorter);
        assertTrue(shorter.contains("Med vennlig hilsen"), shorter);
        assertTrue(view.getString("drafts[1].note").contains("shorter"), view.getString("drafts[1].note"));
        assertTrue(view.getList("drafts[1].toneCheck.moves").containsAll(List.of("acknowledge", "apologise", "fix", "report-back")));

        String second = view.getString("drafts[1].id");
        asKari().body(Map.of("hint", "Make it rhyme")).post("/api/drafts/" + second + "/redraft").then().statusCode(202);
        var again = Api.awaitDrafts(complaint, 3);
        assertTrue(again.getString("drafts[2].note").contains("could not use the hint"), again.getString("drafts[2].note"));
    }

    @Test
    void aHintNamingATopicChoosesItsRemedy() {
        String draft = pendingDraftFor("Ola Nordmann", "Dette er ikke greit i det hele tatt, jeg er skuffet.");
        String complaint = asKari().body(Map.of("hint", "It is about the bill")).post("/api/drafts/" + draft + "/redraft")
                .then().statusCode(202).extract().path("complaintId");
        String text = Api.awaitDrafts(complaint, 2).getString("drafts[1].text");
        assertTrue(text.contains("fakturateamet"), text);
    }

    @Test
    void theQueueServesComplaintsBeforeQuestionsBeforePraiseThenSeverityThenOldest() {
        String praise = Api.post(Api.complaint("facebook", "Hanne Vik", "Takk til dama på kundeservice som fikk orden på ruteren min. Super service!"));
        String question = Api.post(Api.complaint("twitter", "Maja Holm", "Går det att byta ett presentkort mot pengar?"));
        String mild = Api.post(Api.complaint("facebook", "Kasper Holt", "Jeres app virker ikke på min telefon."));
        String severe = Api.post(Api.complaint("facebook", "Silje Strand",
                "Tredje gang på en måned at strømmen går, og jeg har en baby i huset. Ingen gir beskjed!"));
        for (String id : List.of(praise, question, mild, severe)) {
            Api.awaitDrafts(id, 1);
        }
        List<String> order = asKari().get("/api/drafts?status=pending").then().statusCode(200).extract().path("complaintId");
        assertEquals(List.of(severe, mild, question, praise), order);
        asKari().get("/api/drafts?status=nonsense").then().statusCode(400).body("field", equalTo("status"));
        asKari().get("/api/drafts?limit=0").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void spamGetsNoDraftButStaysVisible() {
        String id = Api.post(Api.complaint("twitter", "FreeFollowers", "Get 10k followers in 24 hours!!! Click the link in our bio now!!!"));
        var view = Api.awaitStatus(id, "spam");
        assertEquals("spam", view.getString("triage.kind"));
        assertEquals(0, view.getList("drafts").size());
    }

    @Test
    void decisionsNeedAnAgentAndUnknownDraftsAre404() {
        given().contentType("application/json").body(Map.of()).post("/api/drafts/00000000-0000-0000-0000-000000000000/approve")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
        Response r = approve("00000000-0000-0000-0000-000000000000", null);
        r.then().statusCode(404).contentType("application/problem+json");
        asKari().body("{\"text\": 12}").post("/api/drafts/00000000-0000-0000-0000-000000000000/approve")
                .then().statusCode(400).body("field", equalTo("text"));
        asKari().body("{\"txt\": \"hi\"}").post("/api/drafts/00000000-0000-0000-0000-000000000000/approve")
                .then().statusCode(400).body("field", equalTo("txt"));
    }

    @Test
    void everyDraftCarriesItsToneCheck() {
        String draft = pendingDraftFor("Birgitte Lauritsen", "Jeg blev opkrævet et gebyr på 250 kr, selvom jeg har tilmeldt betalingsservice.");
        asKari().get("/api/drafts/" + draft).then().statusCode(200)
                .body("toneCheck.moves", hasItem("apologise")).body("toneCheck.findings.size()", equalTo(0))
                .body("complaint.author.name", equalTo("Birgitte Lauritsen")).body("createdAt", notNullValue())
                .body("text", not(containsString("250")));
    }
}
