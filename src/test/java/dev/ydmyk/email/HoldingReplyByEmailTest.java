package dev.ydmyk.email;

import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ydmyk.email.EmailTest.mailTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Out of hours an e-mailed complaint gets the holding reply by e-mail, under its own Message-ID, once.
 * GreenMail's store is read on the test's own thread: an interrupted poller thread could leave it locked.
 */
@QuarkusTest
@TestProfile(HoldingReplyByEmailTest.Profile.class)
class HoldingReplyByEmailTest {

    public static class Profile extends FakeMail.Profile {
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

    private static String header(MimeMessage m, String name) {
        try {
            String[] v = m.getHeader(name);
            return v == null ? null : v[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theHoldingReplyIsMailedUnderItsOwnMessageIdAndACrashMidSendMailsItOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customer = "silje." + run + "@example.no";
        String first = "<strom-" + run + "@example.no>";
        clock.set(Instant.parse("2026-11-20T15:54:00Z")); // Friday 16:54 in Oslo: out of hours
        EmailTest.send("Silje Strand <" + customer + ">", first, "Strømmen", "Strømmen er borte igjen, og ingen svarer.", Map.of());

        MimeMessage holding = await("the holding reply mailed").pollInSameThread().atMost(Duration.ofSeconds(60))
                .until(() -> mailTo(customer), l -> l.size() == 1).get(0);
        String holdingId = header(holding, "Message-ID");
        assertTrue(holdingId.matches("<ydmyk\\.[0-9a-f-]{36}@ydmyk\\.test>"), holdingId);
        assertEquals(first, header(holding, "In-Reply-To"), "threaded under her mail");
        assertTrue(body(holding).startsWith("Hei Silje"), body(holding));
        String complaint = await().atMost(Duration.ofSeconds(10)).until(() -> Api.complaintView(
                query("select id::text from complaint where source = 'email' and external_id = '" + first + "'")), v -> v.get("holdingReply.sentAt") != null)
                .getString("id");
        assertEquals(holdingId, "<ydmyk." + query("select id::text from holding_reply where complaint_id = '" + complaint + "'") + "@ydmyk.test>");

        // The state a crash leaves between the SMTP server's "250 OK" and our commit.
        clock.reset();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update holding_reply set sent_at = null, publish_attempts = 1, next_attempt_at = now() where complaint_id = ?::uuid")) {
            ps.setString(1, complaint);
            assertEquals(1, ps.executeUpdate());
        }
        await("the holding reply marked sent again").atMost(Duration.ofSeconds(10))
                .until(() -> query("select sent_at from holding_reply where complaint_id = '" + complaint + "'") != null);
        await().pollInSameThread().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mailTo(customer).size() == 1);

        // The real reply follows under a Message-ID of its own.
        String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));
        Api.approve(draft, null).then().statusCode(200);
        List<MimeMessage> both = await("the real reply mailed").pollInSameThread().atMost(Duration.ofSeconds(60))
                .until(() -> mailTo(customer), l -> l.size() == 2);
        String replyId = header(both.get(1), "Message-ID");
        assertEquals("<ydmyk." + draft + "@ydmyk.test>", replyId);
        assertNotEquals(holdingId, replyId);
        assertTrue(both.stream().noneMatch(m -> header(m, "Message-ID").contains("null")));
    }

    private String query(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
