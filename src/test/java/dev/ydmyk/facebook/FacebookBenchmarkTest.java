package dev.ydmyk.facebook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How many Facebook changes per second the webhook takes, and the time to its 200, for deliveries
 * of 1 change (8 in flight, as Meta sends them in parallel) and of 1,000 changes (one at a time).
 * PayPal's wall got 10-20 posts a second. Run with ./mvnw verify -Pbench.
 */
@QuarkusTest
@Tag("benchmark")
@TestProfile(FakeGraph.Profile.class)
class FacebookBenchmarkTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private CompletableFuture<Long> deliver(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/webhooks/facebook"))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", FacebookResource.sign(FakeGraph.SECRET, bytes))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("webhook answered " + r.statusCode());
                    }
                    return (System.nanoTime() - t0) / 1_000_000;
                });
    }

    private CompletableFuture<Long> bareCall() {
        long t0 = System.nanoTime();
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/q/health/live")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(r -> (System.nanoTime() - t0) / 1_000_000);
    }

        private static String changes(String prefix, int n) {
        String post = FakeGraph.PAGE + "_" + prefix;
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(FacebookTest.change("comment", "add", post, prefix + "_" + i, "u" + i, "Kunde " + i,
                    "Dere fjernet kanalene mine uten et eneste varsel, og ingen svarer. Nr " + i));
        }
        return FacebookTest.delivery(list.toArray(String[]::new));
    }

    @Test
    void changesPerSecondAndTimeToOk() throws Exception {
        for (int i = 0; i < 50; i++) {
            deliver(changes("warm" + i, 1)).join();
        }
        List<Long> single = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            inFlight.add(deliver(changes("one" + i, 1)).thenAccept(single::add));
            if (inFlight.size() == 8) {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
                inFlight.clear();
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double singleRate = 1000 / ((System.nanoTime() - t0) / 1e9);

        // The reference, measured in the same run: a bare endpoint (the liveness probe) at the same 8 in flight.
        List<Long> bare = Collections.synchronizedList(new ArrayList<>());
        long tb = System.nanoTime();
        for (int i = 0; i < 1000; i += 8) {
            List<CompletableFuture<?>> eight = new ArrayList<>();
            for (int j = 0; j < 8 && i + j < 1000; j++) {
                eight.add(bareCall().thenAccept(bare::add));
            }
            CompletableFuture.allOf(eight.toArray(CompletableFuture[]::new)).join();
        }
        double bareRate = 1000 / ((System.nanoTime() - tb) / 1e9);

        List<Long> big = new ArrayList<>();
        long t1 = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            big.add(deliver(changes("big" + i, 1000)).join());
        }
        double bigRate = 10_000 / ((System.nanoTime() - t1) / 1e9);
        Collections.sort(single);
        Collections.sort(big);
        Collections.sort(bare);
        String report = "| deliveries | changes | changes per second | time to 200, p50 / p99 (max) |\n|---|---|---|---|\n"
                + String.format("| reference: 1,000 calls to a bare endpoint (`/q/health/live`), 8 in flight | – | %.0f calls/s | %d / %d ms |%n",
                bareRate, bare.get(bare.size() / 2), bare.get((int) Math.ceil(bare.size() * 0.99) - 1))
                + String.format("| 1,000 of 1 change, 8 in flight | 1,000 | %.0f | %d / %d ms |%n", singleRate,
                single.get(single.size() / 2), single.get((int) Math.ceil(single.size() * 0.99) - 1))
                + String.format("| 10 of 1,000 changes, one at a time | 10,000 | %.0f | %d / %d ms (max) |%n", bigRate,
                big.get(big.size() / 2), big.get(big.size() - 1));
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/facebook.md"), report);
        System.out.println(report);
    }
}
