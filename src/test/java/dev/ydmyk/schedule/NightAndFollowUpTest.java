package dev.ydmyk.schedule;

import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import dev.ydmyk.approval.FollowUps;
import dev.ydmyk.notices.Notice;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The night and the promises: no holding reply without a standing approval, the digest, follow-ups. */
@QuarkusTest
class NightAndFollowUpTest {

    @Inject
    TestClock clock;
    @Inject
    CapturingChannel channel;
    @Inject
    MorningDigest digest;
    @Inject
    FollowUps followUps;
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void clean() {
        Api.wipe(ds);
        channel.notices().clear();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void withoutAStandingApprovalNothingIsSentOutOfHours() {
        clock.set(Instant.parse("2026-11-20T15:54:00Z"));
        String id = Api.post(Api.complaint("facebook", "Silje Strand", "Strømmen er borte igjen, og ingen svarer."));
        Api.awaitDrafts(id, 1);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
                .until(() -> Api.complaintView(id).get("holdingReply") == null && Api.complaintView(id).get("reply") == null);
        var view = Api.complaintView(id);
        assertNull(view.get("holdingReply"));
        assertNull(view.get("reply"));
    }

    @Test
    void theMorningDigestListsTheNightOnce() {
        clock.set(Instant.parse("2026-11-20T15:54:00Z")); // Friday 16:54 in Oslo
        String severe = Api.post(Api.complaint("facebook", "Silje Strand",
                "Tredje gang på en måned at strømmen går, og ingen gir beskjed. Jeg har en baby i huset!"));
        Api.awaitDrafts(severe, 1);
        clock.set(Instant.parse("2026-11-21T22:10:00Z"));
        String other = Api.post(Api.complaint("email", "Arne Dahl", "Jeg har fortsatt ikke fått pengene tilbake for jakken."));
        Api.awaitDrafts(other, 1);

        clock.set(Instant.parse("2026-11-23T06:59:00Z")); // Monday 07:59: still closed
        assertTrue(digest.sendIfOpening().isEmpty());
        clock.set(Instant.parse("2026-11-23T07:00:30Z")); // 08:00:30, just opened
        Notice n = digest.sendIfOpening().orElseThrow();
        assertEquals("morning-digest", n.kind());
        String text = String.join("\n", n.lines());
        assertTrue(text.contains("2 complaint(s)"), text);
        assertTrue(text.contains("Silje Strand (high)"), text);
        assertTrue(text.contains("2 past the 24-minute"), text);
        assertTrue(text.contains("2 draft(s) ready"), text);
        assertTrue(channel.notices().contains(n));
        clock.advance(Duration.ofMinutes(5));
        assertTrue(digest.sendIfOpening().isEmpty(), "once a day");
    }

    @Test
    void aReplyThatPromisesToComeBackBecomesAFollowUpThenAReportBackDraft() {
        clock.set(Instant.parse("2026-11-18T09:00:00Z"));
        String complaint = Api.post(Api.complaint("email", "James O'Neill",
                "Waited 6 weeks for a refund that your agent promised would take 5 days."));
        String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));
        Api.approve(draft, null).then().statusCode(200);

        List<Map<String, Object>> open = Api.asKari().get("/api/follow-ups").then().statusCode(200).extract().path("findAll { it.complaintId == '" + complaint + "' }");
        assertEquals(1, open.size());
        assertEquals("2026-11-19T09:00:00Z", open.get(0).get("dueAt"));
        String followUp = (String) open.get(0).get("id");

        clock.advance(Duration.ofHours(25));
        assertEquals(1, followUps.remindOverdue());
        assertEquals(0, followUps.remindOverdue(), "reminded once");
        assertTrue(channel.notices().stream().anyMatch(n -> n.kind().equals("follow-ups-overdue")
                && String.join(" ", n.lines()).contains("James O'Neill")));

        Api.asKari().body(Map.of()).post("/api/follow-ups/" + followUp + "/fixed").then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("note"));
        Api.asKari().body(Map.of("note", "the refund of your order was paid back to your card today."))
                .post("/api/follow-ups/" + followUp + "/fixed").then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("fixed"));
        Api.asKari().body(Map.of("note", "again")).post("/api/follow-ups/" + followUp + "/fixed").then().statusCode(409);

        var view = Api.awaitDrafts(complaint, 2);
        assertEquals("report-back", view.getString("drafts[1].purpose"));
        String reportBack = view.getString("drafts[1].text");
        assertTrue(reportBack.contains("the refund of your order was paid back to your card today") && reportBack.contains("James,"), reportBack);
        // With no undo window in tests, publishing may already have sent it by the time the answer is written.
        Api.approve(view.getString("drafts[1].id"), null).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.equalTo("approved"), org.hamcrest.Matchers.equalTo("sent")));
        var answered = Api.complaintView(complaint);
        assertEquals(2, answered.getList("replies").size());
        assertEquals("fixed", answered.getString("followUps[0].status"));
    }

    @Test
    void answeringPraiseWhileOlderComplaintsWaitIsCalledOut() {
        String complaint = Api.post(Api.complaint("facebook", "Knut Berge", "Dere fjernet Discovery fra standardpakken uten varsel."));
        Api.awaitDrafts(complaint, 1);
        Instant drafted = clock.instant(); // the praise must come later than the complaint
        Awaitility.await().pollInterval(Duration.ofMillis(5)).until(() -> clock.instant().isAfter(drafted));
        String praise = Api.post(Api.complaint("facebook", "Hanne Vik", "Takk til dama på kundeservice som fikk orden på ruteren min. Super service!"));
        Api.approve(Api.latestDraftId(Api.awaitDrafts(praise, 1)), null).then().statusCode(200);
        assertTrue(channel.notices().stream().anyMatch(n -> n.kind().equals("praise-before-complaints")), channel.notices().toString());
    }
}
