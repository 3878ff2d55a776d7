package dev.ydmyk.privacy;

import dev.ydmyk.Api;
import dev.ydmyk.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ydmyk.retention.personal-data: older personal data is erased nightly, as an administrator's erasure does; newer stays. */
@QuarkusTest
@TestProfile(RetentionTest.HalfAYear.class)
class RetentionTest {

    public static class HalfAYear implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ydmyk.retention.personal-data", "P180D");
        }
    }

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource ds;
    @Inject
    Retention retention;

    @BeforeEach
    void clean() {
        Api.wipe(ds);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void personalDataOlderThanTheRetentionPeriodIsErased() {
        clock.set(Instant.parse("2030-01-10T09:00:00Z"));
        String old = Api.post(Api.complaint("facebook", "Gamle Olsen", "Strømmen var borte hele natten og ingen svarte. OLDWORDS"));
        Api.approve(Api.latestDraftId(Api.awaitDrafts(old, 1)), null).then().statusCode(200);
        Api.awaitSent(old);
        passedOver("2030-01-10T09:05:00Z", "OLDMAIL");
        clock.set(Instant.parse("2030-05-01T09:00:00Z"));
        String recent = Api.post(Api.complaint("facebook", "Nye Hansen", "Fakturaen er feil igjen, og ingen svarer. NEWWORDS"));
        Api.awaitDrafts(recent, 1);
        passedOver("2030-05-01T09:05:00Z", "NEWMAIL");

        clock.set(Instant.parse("2030-07-10T03:30:00Z")); // 181 days after the first, 70 after the second
        DataRights.Erasure erased = retention.run().orElseThrow();
        assertEquals(1, erased.complaints());
        assertEquals(1, erased.replies());
        assertEquals(1, erased.passedOverMail());
        assertEquals("[erased]", Api.complaintView(old).getString("text"));
        assertTrue(Api.complaintView(old).getString("triage.kind") != null, "the counts stay");
        assertTrue(Api.complaintView(recent).getString("text").contains("NEWWORDS"));
        assertEquals(1, count("email_passed_over where subject = 'NEWMAIL'"));
        assertEquals(0, count("email_passed_over where subject = 'OLDMAIL'"));
        assertEquals(0, count("reply where text like '%Olsen%'"));
        assertEquals(1, count("audit_event where action = 'retention-erased' and complaint_id is null"));

        // The next night there is nothing more of it; the recent one goes when its time comes.
        assertEquals(0, retention.run().orElseThrow().complaints());
        clock.advance(Duration.ofDays(120));
        assertEquals(1, retention.run().orElseThrow().complaints());
        assertTrue(Api.asKari().queryParam("agent", "ydmyk").get("/api/audit").then().statusCode(200).extract().jsonPath()
                .getList("decision").stream().allMatch("erased"::equals));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private void passedOver(String at, String subject) {
        sql("insert into email_passed_over (message_id, from_address, subject, reason, received_at) values ('<" + subject
                + "@example.no>', 'x@example.no', '" + subject + "', 'auto-reply', '" + at + "')");
    }

    private long count(String from) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery("select count(*) from " + from)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
