package dev.ydmyk.schedule;

import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import dev.ydmyk.notices.Escalation;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nobody waits until morning: hours, on call, SLA, the sweep and the fairness report, on a controlled clock. */
@QuarkusTest
class EscalationsTest {

    static final String SEVERE = "Tredje gang på en måned at strømmen går, og ingen gir beskjed. Jeg har en baby i huset!";

    @Inject
    TestClock clock;
    @Inject
    Escalations escalations;
    @Inject
    CapturingChannel channel;
    @Inject
    DraftingSweep sweep;
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void clean() {
        Api.wipe(ds);
        channel.escalations().clear();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String severeComplaintAt(String instant) {
        clock.set(Instant.parse(instant));
        String id = Api.post(Api.complaint("facebook", "Silje Strand", SEVERE));
        Api.awaitDrafts(id, 1);
        return id;
    }

    private List<Escalation> escalationsOf(String complaint) {
        return channel.escalations().stream().filter(e -> e.complaintId().toString().equals(complaint)).toList();
    }

    @Test
    void aSevereComplaintAt1654OnAFridayInOsloPingsWhoeverIsOnCall() {
        String id = severeComplaintAt("2026-11-20T15:54:00Z"); // 16:54 in Oslo
        escalations.check();
        List<Escalation> made = escalationsOf(id);
        assertEquals(1, made.size(), made.toString());
        assertEquals(Escalation.Reason.SEVERE_AFTER_HOURS, made.get(0).reason());
        assertEquals("Lars Jensen", made.get(0).onCall().name());
        assertTrue(made.get(0).link().contains("/channel#draft-"), made.get(0).link());
        Api.asKari().get("/api/schedule").then().statusCode(200)
                .body("officeHours", org.hamcrest.Matchers.equalTo(false)).body("onCall", org.hamcrest.Matchers.equalTo("Lars Jensen"))
                .body("nextOpening", org.hamcrest.Matchers.equalTo("2026-11-23T07:00:00Z"));

        escalations.check();
        assertEquals(1, escalationsOf(id).size(), "pinged once per complaint");
    }

    @Test
    void theSameComplaintAtTenOnATuesdayPingsNobody() {
        String id = severeComplaintAt("2026-11-17T09:00:00Z"); // 10:00 in Oslo
        escalations.check();
        assertTrue(escalationsOf(id).isEmpty());
    }

    @Test
    void aPostDrawingReactionsFastOutOfHoursPingsOnCall() {
        clock.set(Instant.parse("2026-11-20T19:00:00Z")); // Friday 20:00 in Oslo
        Map<String, Object> post = Api.complaint("facebook", "Anders Vestergaard",
                "Jeg har været kunde i 6 år, og I har lukket mit nummer ved en fejl.");
        post.put("engagement", Map.of("likes", 10, "comments", 2));
        String id = Api.post(post);
        Api.awaitDrafts(id, 1);
        escalations.check();
        assertTrue(escalationsOf(id).isEmpty(), "12 reactions is not a storm");

        clock.advance(Duration.ofMinutes(10));
        post.put("engagement", Map.of("likes", 420, "comments", 80, "shares", 12));
        Api.asSource().body(post).post("/api/complaints").then().statusCode(200);
        escalations.check();
        List<Escalation> made = escalationsOf(id);
        assertEquals(1, made.size(), made.toString());
        assertEquals(Escalation.Reason.ENGAGEMENT_GROWING, made.get(0).reason());
        assertEquals("Lars Jensen", made.get(0).onCall().name());
    }

    @Test
    void anSlaBreachEscalatesOnceInOfficeHoursToo() {
        clock.set(Instant.parse("2026-11-18T09:00:00Z"));
        String id = Api.post(Api.complaint("email", "Arne Dahl", "Jeg har fortsatt ikke fått pengene tilbake for jakken."));
        Api.awaitDrafts(id, 1);
        assertNull(Api.complaintView(id).get("sla.met"));
        assertEquals("2026-11-18T09:24:00Z", Api.complaintView(id).getString("sla.deadline"));

        clock.advance(Duration.ofMinutes(23));
        escalations.check();
        assertTrue(escalationsOf(id).isEmpty(), "not yet past the first 24 minutes");

        clock.advance(Duration.ofMinutes(2));
        escalations.check();
        escalations.check();
        List<Escalation> made = escalationsOf(id);
        assertEquals(1, made.size());
        assertEquals(Escalation.Reason.SLA_BREACH, made.get(0).reason());
        assertNull(made.get(0).onCall(), "in office hours the whole channel is told");
        assertEquals(false, Api.complaintView(id).getBoolean("sla.met"));
    }

    @Test
    void aComplaintAnsweredInTimeMeetsItsSlaAndIsNotEscalated() {
        clock.set(Instant.parse("2026-11-18T09:00:00Z"));
        String id = Api.post(Api.complaint("email", "Arne Dahl", "Jeg har fortsatt ikke fått pengene tilbake for jakken."));
        String draft = Api.latestDraftId(Api.awaitDrafts(id, 1));
        clock.advance(Duration.ofMinutes(10));
        Api.approve(draft, null).then().statusCode(200);
        Api.awaitSent(id); // publishing follows the approval off the request
        clock.advance(Duration.ofHours(2));
        escalations.check();
        assertTrue(escalationsOf(id).isEmpty());
        assertTrue(Api.complaintView(id).getBoolean("sla.met"));
    }

    @Test
    void theSweepDraftsWhatTheEventPathMissed() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into complaint (id, source, external_id, author_name, text, received_at) values (?, 'email', ?, 'Kari Holm', ?, now())")) {
            ps.setObject(1, id);
            ps.setString(2, "missed-" + id);
            ps.setString(3, "Fakturaen er feil for tredje måned på rad.");
            ps.executeUpdate();
        }
        sweep.run();
        assertEquals(1, Api.complaintView(id.toString()).getList("drafts").size());
    }

    @Test
    void theFairnessReportMatchesAKnownHistory() throws Exception {
        Instant day = Instant.parse("2026-11-19T09:00:00Z");
        insertAnswered("complaint", day, 600);
        insertAnswered("complaint", day.plusSeconds(60), 1200);
        insertAnswered("complaint", day.plusSeconds(120), -1);
        insertAnswered("praise", day.plusSeconds(180), 60);
        clock.set(Instant.parse("2026-11-20T20:00:00Z"));
        var report = Api.asKari().get("/api/reports/response?days=3").then().statusCode(200).extract().jsonPath();
        assertEquals("complaint", report.getString("days[0].kind"));
        assertEquals("2026-11-19", report.getString("days[0].day"));
        assertEquals(3, report.getInt("days[0].arrived"));
        assertEquals(2, report.getInt("days[0].answered"));
        assertEquals(900, report.getInt("days[0].medianSeconds"));
        assertEquals(1140, report.getInt("days[0].p90Seconds"));
        assertEquals("praise", report.getString("days[1].kind"));
        assertEquals(60, report.getInt("days[1].medianSeconds"));
        Api.asKari().get("/api/reports/response?days=0").then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("days"));
        assertFalse(report.getList("days").isEmpty());
    }

    private void insertAnswered(String kind, Instant received, long answeredAfterSeconds) throws Exception {
        UUID complaint = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into complaint (id, source, external_id, text, received_at, kind, severity, language, needs_draft)
                    values (?, 'web', ?, 'history', ?, ?, 'medium', 'nb', false)""")) {
                ps.setObject(1, complaint);
                ps.setString(2, "history-" + complaint);
                ps.setTimestamp(3, Timestamp.from(received));
                ps.setString(4, kind);
                ps.executeUpdate();
            }
            if (answeredAfterSeconds < 0) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into draft (id, complaint_id, status, language, text, drafter, tone_moves, tone_findings, created_at)
                    values (?, ?, 'sent', 'nb', 'svar', 'guidelines', '{}', '[]', ?)""")) {
                ps.setObject(1, draft);
                ps.setObject(2, complaint);
                ps.setTimestamp(3, Timestamp.from(received));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into reply (complaint_id, draft_id, text, agent, approved_at, sent_at) values (?, ?, 'svar', 'Kari', ?, ?)")) {
                ps.setObject(1, complaint);
                ps.setObject(2, draft);
                ps.setTimestamp(3, Timestamp.from(received.plusSeconds(answeredAfterSeconds)));
                ps.setTimestamp(4, Timestamp.from(received.plusSeconds(answeredAfterSeconds)));
                ps.executeUpdate();
            }
        }
    }
}
