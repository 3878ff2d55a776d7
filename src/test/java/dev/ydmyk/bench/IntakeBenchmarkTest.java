package dev.ydmyk.bench;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Intake throughput and time from intake to a pending draft, for a steady 20 complaints/s and a
 * burst of 3,000. Run with {@code ./mvnw verify -Pbench}; results in target/benchmarks/intake.md.
 * Not part of the normal suite: figures are measured, not asserted.
 */
@QuarkusTest
@Tag("benchmark")
class IntakeBenchmarkTest {

    private static final String[] POSTS = {
            "Vi hadde barnedåp i helga og kakene var ikke som avtalt. Ikke fornøyd.",
            "Min pakke blev leveret til en forkert adresse, og ingen svarer.",
            "Väntade i två timmar på en tekniker som aldrig kom.",
            "Waited 6 weeks for a refund that your agent promised would take 5 days.",
            "Tredje gang denne måneden at nettet er nede. Hvorfor får vi ingen beskjed?",
            "Takk til dama på kundeservice som fikk orden på ruteren min. Super service!",
    };

    @TestHTTPResource("/api/complaints")
    URI intake;
    @Inject
    AgroalDataSource ds;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Run(String name, int complaints, double seconds, List<Long> intakeMillis, List<Long> draftMillis, Duration allDrafted) {
    }

    @Test
    void steadyAndBurst() throws Exception {
        warmUp();
        Run steady = steady(20, Duration.ofSeconds(30));
        Run burst = burst(3_000, 32);
        String report = header() + row(steady) + row(burst);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/intake.md"), report);
        System.out.println(report);
    }

    private void warmUp() throws Exception {
        String batch = "warm-" + UUID.randomUUID();
        for (int i = 0; i < 200; i++) {
            send(batch, i).join();
        }
        awaitDrafts(batch, 200);
    }

    private Run steady(int perSecond, Duration length) throws Exception {
        String batch = "steady-" + UUID.randomUUID();
        int n = (int) (perSecond * length.toSeconds());
        List<Long> intake = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> all = new ArrayList<>();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long t0 = System.nanoTime();
            all.add(send(batch, i).thenAccept(r -> intake.add((System.nanoTime() - t0) / 1_000_000)));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Duration drafted = awaitDrafts(batch, n);
        return new Run("steady " + perSecond + "/s for " + length.toSeconds() + " s", n, seconds, intake, draftLatencies(batch), drafted);
    }

    private Run burst(int n, int concurrency) throws Exception {
        String batch = "burst-" + UUID.randomUUID();
        List<Long> intake = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<?>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            long t0 = System.nanoTime();
            all.add(send(batch, i).whenComplete((r, e) -> {
                intake.add((System.nanoTime() - t0) / 1_000_000);
                inFlight.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Duration drafted = awaitDrafts(batch, n);
        return new Run("burst of " + n + " (" + concurrency + " in flight)", n, seconds, intake, draftLatencies(batch), drafted);
    }

    private CompletableFuture<HttpResponse<Void>> send(String batch, int i) {
        String body = "{\"source\":\"web\",\"externalId\":\"" + batch + "-" + i + "\",\"author\":{\"name\":\"Kunde " + i
                + "\"},\"text\":\"" + POSTS[i % POSTS.length] + "\"}";
        HttpRequest req = HttpRequest.newBuilder(intake).header("Authorization", "Bearer " + Api.SOURCE_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).thenApply(r -> {
            assertEquals(201, r.statusCode());
            return r;
        });
    }

    private Duration awaitDrafts(String batch, int n) throws Exception {
        Instant start = Instant.now();
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select count(*) from complaint where external_id like ? and not needs_draft")) {
                ps.setString(1, batch + "-%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) >= n;
                }
            }
        });
        return Duration.between(start, Instant.now());
    }

    /** From the complaint's commit to its draft's commit, both stamped by the service. */
    private List<Long> draftLatencies(String batch) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select extract(epoch from (d.created_at - c.received_at)) * 1000 from complaint c
                join draft d on d.complaint_id = c.id where c.external_id like ?""")) {
            ps.setString(1, batch + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Math.round(rs.getDouble(1)));
                }
            }
        }
        return out;
    }

    private static String header() {
        return "| run | complaints | intake throughput | intake p50 / p99 | intake → pending draft p50 / p99 | last draft after last 201 |\n"
                + "|---|---|---|---|---|---|\n";
    }

    private static String row(Run r) {
        return String.format("| %s | %d | %.0f /s | %d / %d ms | %d / %d ms | %d ms |%n", r.name(), r.complaints(),
                r.complaints() / r.seconds(), pct(r.intakeMillis(), 50), pct(r.intakeMillis(), 99),
                pct(r.draftMillis(), 50), pct(r.draftMillis(), 99), r.allDrafted().toMillis());
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
