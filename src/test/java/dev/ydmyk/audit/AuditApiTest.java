package dev.ydmyk.audit;

import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import dev.ydmyk.agents.Agent;
import dev.ydmyk.approval.ApprovalService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit a lead is handed: who approved, edited, overrode, rejected, bulk-approved and erased what, filtered by time and agent. */
@QuarkusTest
class AuditApiTest {

    static final String DAY = "2031-03-02";

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource ds;
    @Inject
    ApprovalService approvals;

    @BeforeEach
    void clean() {
        Api.wipe(ds);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String draftAt(String time, String author) {
        clock.set(Instant.parse(DAY + "T" + time + ":00Z"));
        String id = Api.post(Api.complaint("facebook", author, "Strømmen har vært borte i to dager og ingen svarer meg. Hva skjer?"));
        return Api.latestDraftId(Api.awaitDrafts(id, 1));
    }

    /** A day of decisions by Kari and Lars, one an hour from 09:00. */
    private void aDayOfDecisions() {
        Api.approve(draftAt("09:00", "Anne Berg"), null).then().statusCode(200);

        String edited = draftAt("10:00", "Bjørn Dahl");
        String text = Api.asLars().get("/api/drafts/" + edited).then().extract().path("text");
        Api.asLars().body(Map.of("text", text + " Takk for tålmodigheten.")).post("/api/drafts/" + edited + "/approve").then().statusCode(200);

        Api.approve(draftAt("11:00", "Cecilie Eng"), Map.of("override", "Kunden ba om kortere svar")).then().statusCode(200);

        String rejected = draftAt("12:00", "Dag Foss");
        Api.asLars().body(Map.of("reason", "Feil tone, for formell")).post("/api/drafts/" + rejected + "/reject").then().statusCode(200);

        String bulk = draftAt("13:00", "Eva Gran");
        assertEquals(1, approvals.approveAll(List.of(UUID.fromString(bulk)), new Agent("kari", "Kari Nordmann", true),
                "Approved in bulk for incident \"Strømbrudd i Bergen\" by Kari Nordmann").size());

        clock.set(Instant.parse(DAY + "T14:00:00Z"));
        Api.asKari().body(Map.of("source", "facebook", "handle", "anne.berg")).post("/api/customers/erase").then().statusCode(200);
    }

    @Test
    void theLeadSeesEveryDecisionWithWhoAndWhen() {
        aDayOfDecisions();
        Response r = Api.asKari().queryParam("from", DAY).queryParam("to", "2031-03-03").get("/api/audit");
        r.then().statusCode(200).contentType(startsWith("application/json")).header("Ydmyk-Truncated", "false");
        assertEquals(List.of("approved", "edited", "overrode", "rejected", "bulk-approved", "erased"), r.jsonPath().getList("decision"));
        assertEquals(List.of("kari", "lars", "kari", "lars", "kari", "kari"), r.jsonPath().getList("agent"));
        assertEquals(DAY + "T11:00:00Z", r.jsonPath().getString("[2].at"));
        assertTrue(r.jsonPath().getString("[2].detail").contains("tone check overridden: Kunden ba om kortere svar"));
        assertEquals("Feil tone, for formell", r.jsonPath().getString("[3].detail"));
        assertTrue(r.jsonPath().getString("[5].detail").startsWith("Erased a customer's data on facebook"), r.jsonPath().getString("[5].detail"));
    }

    @Test
    void filtersByAgentAndTime() {
        aDayOfDecisions();
        Api.asKari().queryParam("agent", "lars").queryParam("from", DAY).get("/api/audit").then().statusCode(200)
                .body("decision", equalTo(List.of("edited", "rejected")));
        // from is inclusive, to exclusive; an offset is understood.
        Api.asKari().queryParam("from", DAY + "T12:00:00+01:00").queryParam("to", DAY + "T13:00:00Z").get("/api/audit").then()
                .statusCode(200).body("decision", equalTo(List.of("overrode", "rejected")));
        Api.asKari().queryParam("from", DAY).queryParam("limit", "2").get("/api/audit").then().statusCode(200)
                .header("Ydmyk-Truncated", "true").body("size()", equalTo(2));
        Api.asKari().queryParam("agent", "nobody").queryParam("from", DAY).get("/api/audit").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void asCsvForASpreadsheet() {
        aDayOfDecisions();
        String csv = Api.asKari().accept("text/csv").queryParam("from", DAY).get("/api/audit").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("at,agent,decision,action,complaintId,draftId,detail", lines.get(0));
        assertEquals(7, lines.size(), csv);
        assertTrue(lines.get(4).startsWith(DAY + "T12:00:00Z,lars,rejected,rejected,") && lines.get(4).endsWith(",\"Feil tone, for formell\""),
                lines.get(4));
        assertEquals(csv, Api.asKari().queryParam("format", "csv").queryParam("from", DAY).get("/api/audit").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void aCellASpreadsheetWouldRunIsDefused() {
        assertEquals("'=HYPERLINK(\"\"x\"\")", AuditResource.cell("=HYPERLINK(\"x\")").replaceAll("^\"|\"$", ""));
        assertEquals("\"a,b\"", AuditResource.cell("a,b"));
        assertEquals("", AuditResource.cell(null));
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        for (var bad : List.of(Map.of("from", "yesterday"), Map.of("to", "2031-13-01"), Map.of("from", DAY, "to", DAY),
                Map.of("agent", " "), Map.of("format", "xml"), Map.of("limit", "0"), Map.of("limit", "many"))) {
            String field = bad.containsKey("to") && bad.containsKey("from") ? "to" : bad.keySet().iterator().next();
            Api.asKari().queryParams(bad).get("/api/audit").then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("field", equalTo(field));
        }
    }

    @Test
    void onlyAdministratorsReadTheAudit() {
        given().get("/api/audit").then().statusCode(401);
        Api.asLars().get("/api/audit").then().statusCode(403).contentType(startsWith("application/problem+json"));
        Api.as("kari", "wrong").get("/api/audit").then().statusCode(401);
    }
}
