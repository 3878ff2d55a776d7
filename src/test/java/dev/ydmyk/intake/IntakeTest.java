package dev.ydmyk.intake;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.ydmyk.Api.asSource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IntakeTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void newComplaintIsStoredAndAnsweredWith201AndLocation() {
        Map<String, Object> body = Api.complaint("facebook", "Knut Berge", "Dere fjernet Discovery fra standardpakken uten varsel.");
        var created = asSource().body(body).post("/api/complaints")
                .then().statusCode(201).body("status", equalTo("received")).extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/complaints/" + id));
        assertEquals("Knut Berge", Api.complaintView(id).getString("author.name"));
    }

    @Test
    void sameSourceAndExternalIdAgainGivesTheSameIdAndNoDuplicate() {
        Map<String, Object> body = Api.complaint("twitter", "Eirik Hansen", "Når åpner butikken på Storo?");
        String first = Api.post(body);
        long before = Api.count(ds, "complaint");
        String second = asSource().body(body).post("/api/complaints").then().statusCode(200)
                .body("id", equalTo(first)).body("status", notNullValue()).extract().path("id");
        assertEquals(first, second);
        assertEquals(before, Api.count(ds, "complaint"));
    }

    @Test
    void aComplaintGetsAPendingDraftInItsOwnLanguageWithinASecondOrTwo() {
        String id = Api.post(Api.complaint("email", "Arne Dahl",
                "Jeg returnerte jakken for tre uker siden og har fortsatt ikke fått pengene tilbake."));
        var view = Api.awaitDrafts(id, 1);
        assertEquals("pending", view.getString("drafts[0].status"));
        assertEquals("nb", view.getString("drafts[0].language"));
        assertEquals("complaint", view.getString("triage.kind"));
        assertEquals("awaiting-approval", view.getString("status"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON            | {\"source\":\"facebook\",                                   | ",
            "not an object             | [1,2,3]                                                    | ",
            "text of the wrong type    | {\"source\":\"facebook\",\"externalId\":\"x1\",\"text\":5}   | text",
            "source missing            | {\"externalId\":\"x2\",\"text\":\"hei\"}                     | source",
            "externalId missing        | {\"source\":\"facebook\",\"text\":\"hei\"}                   | externalId",
            "text missing              | {\"source\":\"facebook\",\"externalId\":\"x3\"}              | text",
            "text empty                | {\"source\":\"facebook\",\"externalId\":\"x4\",\"text\":\"  \"} | text",
            "unknown field             | {\"source\":\"facebook\",\"externalId\":\"x5\",\"text\":\"hei\",\"mood\":\"angry\"} | mood",
            "author of the wrong type  | {\"source\":\"facebook\",\"externalId\":\"x6\",\"text\":\"hei\",\"author\":\"Kari\"} | author",
            "postedAt not a date       | {\"source\":\"facebook\",\"externalId\":\"x7\",\"text\":\"hei\",\"postedAt\":\"yesterday\"} | postedAt",
            "unknown language          | {\"source\":\"facebook\",\"externalId\":\"x8\",\"text\":\"hei\",\"language\":\"xx\"} | language",
            "url not http              | {\"source\":\"facebook\",\"externalId\":\"x9\",\"text\":\"hei\",\"url\":\"ftp://a/b\"} | url",
            "negative engagement       | {\"source\":\"facebook\",\"externalId\":\"x10\",\"text\":\"hei\",\"engagement\":{\"likes\":-1}} | engagement.likes",
    })
    void badInputIsAProblemNamingTheFieldAndWritesNothing(String name, String json, String field) {
        long before = Api.count(ds, "complaint");
        var response = asSource().body(json).post("/api/complaints").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        if (field != null && !field.isBlank()) {
            response.body("field", equalTo(field.strip())).body("detail", containsString(field.strip()));
        }
        assertEquals(before, Api.count(ds, "complaint"));
    }

    @Test
    void textOverTenThousandCharactersIsRefused() {
        long before = Api.count(ds, "complaint");
        asSource().body(Api.complaint("facebook", "A", "x".repeat(10_001))).post("/api/complaints")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("text"));
        asSource().body(Api.complaint("facebook", "A", "æ".repeat(10_000))).post("/api/complaints").then().statusCode(201);
        assertEquals(before + 1, Api.count(ds, "complaint"));
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = "{\"source\":\"facebook\",\"externalId\":\"u1\",\"text\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8);
        body[body.length - 3] = (byte) 0xC3; // a lead byte followed by '"' is not UTF-8
        long before = Api.count(ds, "complaint");
        asSource().body(body).post("/api/complaints").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("UTF-8"));
        assertEquals(before, Api.count(ds, "complaint"));
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() {
        long before = Api.count(ds, "complaint");
        String huge = "{\"source\":\"facebook\",\"externalId\":\"big\",\"text\":\"" + "a".repeat(1_100_000) + "\"}";
        asSource().body(huge).post("/api/complaints").then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, Api.count(ds, "complaint"));
    }

    @Test
    void intakeNeedsASourceToken() {
        long before = Api.count(ds, "complaint");
        given().contentType("application/json").body(Api.complaint("facebook", "A", "hei")).post("/api/complaints")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").contentType("application/json")
                .body(Api.complaint("facebook", "A", "hei")).post("/api/complaints").then().statusCode(401);
        asSource().body(Api.complaint("myspace", "A", "hei")).post("/api/complaints")
                .then().statusCode(403).body("field", equalTo("source"));
        assertEquals(before, Api.count(ds, "complaint"));
    }

    @Test
    void aSourceWhoseTokenIsKeptHashedPostsWithTheTokenNotWithItsHash() {
        String hash = "45f16d22ad850caf5e17d4a940cd52247b941e76f2c9e7f3ecc4e10993a9d9dd";
        given().header("Authorization", "Bearer kiosk-token").contentType("application/json")
                .body(Api.complaint("kiosk", "Kari Kiosk", "Automaten tok pengene og ga meg ingenting.")).post("/api/complaints")
                .then().statusCode(201);
        for (String stolen : List.of(hash, "sha256:" + hash)) {
            given().header("Authorization", "Bearer " + stolen).contentType("application/json")
                    .body(Api.complaint("kiosk", "Kari Kiosk", "hei")).post("/api/complaints")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        // One token each: the kiosk's token posts for the kiosk only.
        given().header("Authorization", "Bearer kiosk-token").contentType("application/json")
                .body(Api.complaint("web", "Kari Kiosk", "hei")).post("/api/complaints")
                .then().statusCode(403).body("field", equalTo("source"));
    }

    @Test
    void readingAComplaintNeedsAnAgentAndUnknownIdsAre404() {
        given().get("/api/complaints/00000000-0000-0000-0000-000000000000").then().statusCode(401);
        Api.asKari().get("/api/complaints/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        Api.asKari().get("/api/complaints/not-a-uuid").then().statusCode(404);
        Api.as("kari", "wrong").get("/api/complaints/00000000-0000-0000-0000-000000000000").then().statusCode(401);
    }
}
