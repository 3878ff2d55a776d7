package dev.ydmyk.schedule;

import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With an administrator's standing approval, out of hours only: the holding reply goes out at once. */
@QuarkusTest
@TestProfile(HoldingReplyTest.StandingApproval.class)
class HoldingReplyTest {

    public static class StandingApproval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ydmyk.holding.enabled", "true", "ydmyk.holding.approved-by", "Ingrid Admin");
        }
    }

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource ds;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void outOfHoursAComplaintGetsTheHoldingReplyAndItsFullDraftStillWaits() {
        Api.wipe(ds);
        clock.set(Instant.parse("2026-11-20T15:54:00Z")); // Friday 16:54 in Oslo
        String id = Api.post(Api.complaint("facebook", "Silje Strand", "Strømmen er borte igjen, og ingen svarer."));
        Api.awaitDrafts(id, 1);
        var view = Api.awaitStatus(id, "awaiting-approval");
        view = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> Api.complaintView(id), v -> v.get("holdingReply.sentAt") != null);
        String text = view.getString("holdingReply.text");
        assertTrue(text.startsWith("Hei Silje") && text.contains("Lars") && text.contains("kl. 08:00"), text);
        assertEquals("Ingrid Admin", view.getString("holdingReply.approvedBy"));
        assertEquals("pending", view.getString("drafts[0].status"), "the full reply still waits for a person");
        assertTrue(view.getBoolean("sla.met"), "the holding reply is the first response");
        assertTrue(view.getList("events.action").contains("holding-reply-sent"));
    }

    @Test
    void inOfficeHoursNoHoldingReplyIsSent() {
        clock.set(Instant.parse("2026-11-17T09:00:00Z")); // Tuesday 10:00
        String id = Api.post(Api.complaint("facebook", "Silje Strand", "Strømmen er borte igjen, og ingen svarer."));
        Api.awaitDrafts(id, 1);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> Api.complaintView(id).get("holdingReply") == null);
        assertNull(Api.complaintView(id).get("holdingReply"));
    }
}
