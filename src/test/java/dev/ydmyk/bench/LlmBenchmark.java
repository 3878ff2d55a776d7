package dev.ydmyk.bench;

import dev.ydmyk.Api;
import dev.ydmyk.drafting.llm.FakeOpenAiAccess;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The LLM drafter against a fake model that answers in about 2 s (log-normal, median 2 s), at a
 * steady 20 complaints/s for 10 s, with a given cap on concurrent model calls. The drafting
 * workers are raised to the cap: each worker waits on its own call.
 */
abstract class LlmBenchmark {

    static final String REPLY = "Hi Kunde,\n\nThank you for telling us about the parcel. I understand how frustrating this is, and I am "
            + "truly sorry. I have started a trace with the carrier so we find out what happened. I will get back to you here as "
            + "soon as I know more. Thank you for letting us know.\n\nBest regards,\n{agent}";

    @TestHTTPResource("/api/complaints")
    URI intake;
    @Inject
    AgroalDataSource ds;

    abstract int cap();

    @Test
    void twentyComplaintsPerSecondWithAFakeModelAtTwoSeconds() throws Exception {
        run(cap(), intake, ds);
    }

    static Map<String, String> profile(int cap) {
        return Map.of("ydmyk.llm.max-concurrent", String.valueOf(cap), "ydmyk.drafting.workers", String.valueOf(cap),
                "quarkus.datasource.jdbc.max-size", String.valueOf(Math.max(24, cap + 8)),
                "quarkus.langchain4j.openai.timeout", "30s");
    }

    static void run(int cap, URI intake, AgroalDataSource ds) throws Exception {
        var server = FakeOpenAiAccess.server();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withLogNormalRandomDelay(2000, 0.1)
                .withBody(FakeOpenAiAccess.completion(REPLY, "en"))));
        server.resetRequests();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String batch = "llm" + cap + "-" + UUID.randomUUID();
        int n = 200;
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long wait = start + i * 50_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            String body = "{\"source\":\"web\",\"externalId\":\"" + batch + "-" + i + "\",\"author\":{\"name\":\"Kunde " + i
                    + "\"},\"text\":\"My parcel never arrived and nobody answers my emails.\"}";
            sent.add(http.sendAsync(HttpRequest.newBuilder(intake).header("Authorization", "Bearer " + Api.SOURCE_TOKEN)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        long firstDraftWait = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> drafted(ds, batch) >= n);
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        List<Long> latencies = new ArrayList<>();
        int byModel = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select extract(epoch from (d.created_at - c.received_at)) * 1000, d.drafter from complaint c
                join draft d on d.complaint_id = c.id where c.external_id like ?""")) {
            ps.setString(1, batch + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    latencies.add(Math.round(rs.getDouble(1)));
                    byModel += rs.getString(2).equals("llm") ? 1 : 0;
                }
            }
        }
        Collections.sort(latencies);
        int calls = server.getAllServeEvents().size();
        String row = String.format("| %d | %d | %.1f /s | %d / %d ms | %.2f | %d of %d |%n", cap, n, n / totalSeconds,
                latencies.get(latencies.size() / 2), latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1),
                calls / (double) n, byModel, n);
        Path out = Path.of("target/benchmarks/llm.md");
        Files.createDirectories(out.getParent());
        if (!Files.exists(out)) {
            Files.writeString(out, "| cap on concurrent calls | complaints (20/s for 10 s) | drafts per second | intake → pending draft p50 / p99 | model calls per complaint | drafted by the model |\n|---|---|---|---|---|---|\n");
        }
        Files.writeString(out, row, StandardOpenOption.APPEND);
        System.out.print(row);
    }

    private static int drafted(AgroalDataSource ds, String batch) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from complaint where external_id like ? and not needs_draft")) {
            ps.setString(1, batch + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** One Quarkus profile per cap: the cap is start-up configuration. */
    abstract static class Profile implements QuarkusTestProfile {
        abstract int cap();

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeOpenAiAccess.resource(), profile(cap())));
        }
    }
}
