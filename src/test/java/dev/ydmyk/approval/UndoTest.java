package dev.ydmyk.approval;

import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import dev.ydmyk.UndoWindow;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An approval can be taken back for {@code ydmyk.approval.undo}; publishing waits for the window to close. */
@QuarkusTest
@TestProfile(UndoWindow.class)
class UndoTest {

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource ds;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String pendingDraft(String author, String text) {
        String complaint = Api.post(Api.complaint("web", author, text));
        return Api.latestDraftId(Api.awaitDrafts(complaint, 1));
    }

    @Test
    void undoWithinTheWindowMakesTheDraftPendingAgainAndNothingGoesOut() throws Exception {
        String draft = pendingDraft("Nora Berg", "Pakken min har vært borte i to uker og ingen svarer på e-post. Skuffet.");
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        JsonPath approved = Api.approve(draft, null).then().statusCode(200)
                .body("status", equalTo("approved")).body("decidedByName", equalTo("Kari Nordmann"))
                .extract().jsonPath();
        assertEquals(Instant.parse(approved.getString("decidedAt")).plusSeconds(10), Instant.parse(approved.getString("undoUntil")),
                "the window is shown to the approving agent");
        assertEquals(Duration.ofSeconds(10), dueAfterApproval(draft), "publishing is not due before the window closes");

        clock.advance(Duration.ofSeconds(9));
        Api.asLars().post("/api/drafts/" + draft + "/undo").then().statusCode(200)
                .body("status", equalTo("pending")).body("decidedBy", nullValue()).body("undoUntil", nullValue());

        JsonPath view = Api.complaintView(approved.getString("complaintId"));
        assertNull(view.get("reply"), "no reply is queued after an undo: " + view.prettify());
        assertTrue(view.getList("events.action").contains("approval-undone"), view.prettify());
        assertEquals(0, count("select count(*) from follow_up where draft_id = '" + draft + "'"), "the follow-up went with the approval");

        // Pending again: it can be decided afresh, and then it is sent when its own window has passed.
        Api.approve(draft, null).then().statusCode(200);
        clock.advance(Duration.ofSeconds(11));
        assertEquals("Kari Nordmann", Api.awaitSent(approved.getString("complaintId")).getString("reply.agent"));
    }

    @Test
    void afterTheWindowTheReplyIsPublishedAndUndoIsRefused() throws Exception {
        String draft = pendingDraft("Erik Lund", "Tredje gang denne måneden at nettet er nede hele kvelden. Dette holder ikke.");
        clock.set(Instant.now());
        String complaint = Api.approve(draft, null).then().statusCode(200).extract().path("complaintId");
        assertNull(Api.complaintView(complaint).get("reply.sentAt"), "nothing is sent while the window is open");

        clock.advance(Duration.ofSeconds(10));
        Api.awaitSent(complaint);
        Api.asKari().post("/api/drafts/" + draft + "/undo").then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("detail", containsString("Too late"));
    }

    @Test
    void onlyAnApprovalCanBeUndone() {
        String draft = pendingDraft("Siri Dahl", "Regningen er feil for andre måned på rad, og kundeservice legger på.");
        Api.asKari().post("/api/drafts/" + draft + "/undo").then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("detail", containsString("pending"));
        Api.asKari().post("/api/drafts/" + UUID.randomUUID() + "/undo").then().statusCode(404);
        Api.asKari().post("/api/drafts/not-a-uuid/undo").then().statusCode(404);
        io.restassured.RestAssured.given().post("/api/drafts/" + draft + "/undo").then().statusCode(401);
    }

    private Duration dueAfterApproval(String draftId) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select approved_at, next_attempt_at from reply where draft_id = ?::uuid")) {
            ps.setString(1, draftId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the approval queued a reply");
                return Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant());
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
