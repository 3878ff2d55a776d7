package dev.ydmyk.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service, run the way the README says, on its embedded database: a complaint is
 * accepted, the process is killed with SIGKILL right after the 201, and on restart the complaint is
 * there and gets its draft.
 */
class CrashRecoveryIT {

    // The run's own source and agent, whatever the operator's config/application.properties says.
    private static final String TOKEN = "it-source-token";
    private static final String AGENT = "it:it-password";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            p.waitFor();
        }
    }

    private Process start(Path dataDir, int port, int workers, Path log) throws IOException {
        Path jar = Path.of(System.getProperty("it.app.jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dydmyk.embedded-db.data-dir=" + dataDir,
                "-Dydmyk.drafting.workers=" + workers, "-Dydmyk.sources.facebook.token=" + TOKEN,
                "-Dydmyk.agents.it.name=Ida Tester", "-Dydmyk.agents.it.password=it-password", "-jar", jar.toString())
                .directory(new File(".")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        started.add(p);
        awaitReady(port, p, log);
        return p;
    }

    private void awaitReady(int port, Process p, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new AssertionError("service exited:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException | InterruptedException e) {
                // not listening yet
            }
            sleep(200);
        }
        throw new AssertionError("service not ready within 90 s:\n" + Files.readString(log));
    }

    @Test
    void aComplaintAcceptedJustBeforeACrashIsDraftedAfterTheRestart() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it-" + UUID.randomUUID()));
        Path dataDir = dir.resolve("pg");
        Path log = dir.resolve("service.log");
        int port = freePort();

        Process first = start(dataDir, port, 0, log);
        String body = """
                {"source":"facebook","externalId":"crash-1","author":{"name":"Silje Strand"},
                 "text":"Tredje gang på en måned at strømmen går og ingen fra dere gir beskjed. Jeg har en baby i huset."}""";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/complaints"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        first.destroyForcibly().waitFor();
        assertEquals(201, created.statusCode(), created.body());
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        start(dataDir, port, 2, log);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String view = "";
        while (Instant.now().isBefore(deadline)) {
            view = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/complaints/" + id))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(AGENT.getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (view.contains("\"status\":\"pending\"")) {
                break;
            }
            sleep(200);
        }
        assertTrue(view.contains("\"status\":\"awaiting-approval\"") && view.contains("Silje"), view);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
