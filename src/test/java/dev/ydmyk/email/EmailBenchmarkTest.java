package dev.ydmyk.email;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ydmyk.email.FakeMail.support;

/**
 * How fast the mailbox is emptied: 1,000 customer messages land in the watched folder in one go
 * (as after a night's storm), and each one's time from the mailbox to a committed complaint and
 * to a pending draft is measured. Run with ./mvnw verify -Pbench.
 */
@QuarkusTest
@Tag("benchmark")
@TestProfile(FakeMail.Profile.class)
class EmailBenchmarkTest {

    static final int MESSAGES = 1000;

    @Inject
    AgroalDataSource ds;

    @Test
    void messagesPerSecondFromTheMailboxToADraft() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Instant> delivered = new HashMap<>();
        Instant start = Instant.now();
        for (int i = 0; i < MESSAGES; i++) {
            String id = "<bench-" + run + "-" + i + "@example.no>";
            support.deliver(MailboxTest.message(id, "Kunde " + i + " <kunde" + i + "@example.no>", "Ordre " + i,
                    "Hei, pakken min med ordrenummer " + i + " har ikke kommet, og ingen svarer på telefon. Dette er ikke greit.\n\n"
                            + "Mvh Kunde " + i + "\n\nSendt fra min iPhone"));
            delivered.put(id, Instant.now());
        }
        Instant allDelivered = Instant.now();
        List<Long> toComplaint = new ArrayList<>();
        List<Long> toDraft = new ArrayList<>();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
                toComplaint.clear();
                toDraft.clear();
                try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                        select c.external_id, c.received_at, min(d.created_at) from complaint c left join draft d on d.complaint_id = c.id
                        where c.source = 'email' and c.external_id like ? group by c.external_id, c.received_at""")) {
                    ps.setString(1, "<bench-" + run + "-%");
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Instant in = delivered.get(rs.getString(1));
                            toComplaint.add(Duration.between(in, rs.getTimestamp(2).toInstant()).toMillis());
                            if (rs.getTimestamp(3) != null) {
                                toDraft.add(Duration.between(in, rs.getTimestamp(3).toInstant()).toMillis());
                            }
                        }
                    }
                }
                return toDraft.size() == MESSAGES;
            });
        } catch (ConditionTimeoutException e) {
            // reported below with the count reached
        }
        if (toDraft.size() != MESSAGES) {
            throw new AssertionError("only " + toDraft.size() + " of " + MESSAGES + " drafted within 5 minutes");
        }
        Collections.sort(toComplaint);
        Collections.sort(toDraft);
        Instant lastTaken = Instant.EPOCH;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select max(received_at) from complaint where source = 'email' and external_id like ?")) {
            ps.setString(1, "<bench-" + run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                lastTaken = rs.getTimestamp(1).toInstant();
            }
        }
        long landing = Duration.between(start, allDelivered).toMillis();
        long total = Duration.between(start, lastTaken).toMillis();
        String report = "| messages | landed over | last one taken | taken per second | mailbox → complaint p50 / p99 / max"
                + " | mailbox → pending draft p50 / p99 / max |\n|---|---|---|---|---|---|\n"
                + String.format("| %,d | %.1f s | %.1f s after the first landed | %.0f | %d / %d / %d ms | %d / %d / %d ms |%n", MESSAGES,
                landing / 1000.0, total / 1000.0, MESSAGES / (total / 1000.0), p(toComplaint, 0.5), p(toComplaint, 0.99),
                toComplaint.get(MESSAGES - 1), p(toDraft, 0.5), p(toDraft, 0.99), toDraft.get(MESSAGES - 1));
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/email.md"), report);
        System.out.println(report);
    }

    private static long p(List<Long> sorted, double q) {
        return sorted.get((int) Math.ceil(sorted.size() * q) - 1);
    }
}
