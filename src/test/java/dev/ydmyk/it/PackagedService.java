package dev.ydmyk.it;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged service (target/quarkus-app) run as a process, the way the README says, with its own
 * source token and agent whatever the operator's config/application.properties says.
 */
final class PackagedService {

    static final String TOKEN = "it-source-token";
    private static final String AGENT = "it:it-password";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Path workDir;
    private final Path app;
    private final Path log;
    private final int port;
    private final List<String> properties = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private Path script;
    private Process process;

    /** Runs {@code app}/quarkus-run.jar from {@code workDir}, appending its output to {@code log}. */
    PackagedService(Path workDir, Path app, Path log) throws IOException {
        this.workDir = workDir;
        this.app = app;
        this.log = log;
        this.port = freePort();
    }

    static Path packagedApp() {
        return Path.of(System.getProperty("it.app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().getParent();
    }

    PackagedService with(String key, String value) {
        properties.add("-D" + key + "=" + value);
        return this;
    }

    /** Started through a script that takes JVM options and runs {@code $YDMYK_APP/quarkus-run.jar} (bin/ydmyk), not java itself. */
    PackagedService throughScript(Path script) {
        this.script = script;
        environment.put("YDMYK_APP", app.toString());
        return this;
    }

    long pid() {
        return process.pid();
    }

    /** An environment variable for the process, as a container platform sets one; null: unset. */
    PackagedService environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts the process without waiting for it. */
    Process launch() throws IOException {
        String launcher = script != null ? script.toString() : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(launcher,
                "-Dquarkus.http.port=" + port, "-Dydmyk.sources.facebook.token=" + TOKEN,
                "-Dydmyk.agents.it.name=Ida Tester", "-Dydmyk.agents.it.password=it-password"));
        command.addAll(properties);
        if (script == null) {
            command.addAll(List.of("-jar", app.resolve("quarkus-run.jar").toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // A null value: the variable is not set for the service, whatever the tests' own environment has.
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        process = builder.start();
        return process;
    }

    /** Starts the process and waits until it is ready. */
    PackagedService start() throws IOException {
        Process p = launch();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!p.isAlive()) {
                throw new AssertionError("service exited with " + p.exitValue() + ":\n" + output());
            }
            return ready();
        });
        return this;
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM, and the exit code once it has stopped. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("service did not stop within 90 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL, without waiting for the process to go. */
    void kill() {
        process.destroyForcibly();
    }

    /**
     * SIGKILL, returning once the process is gone: what it sent, it sent before this returns (a test that
     * notes the moment of the kill must not note it while the process still runs).
     */
    void killAndWait() throws InterruptedException {
        if (!process.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("service still running 30 s after SIGKILL");
        }
    }

    /** After a test: SIGTERM first, so the service stops its PostgreSQL too. */
    void stopQuietly() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    HttpResponse<String> postComplaint(String externalId) throws IOException, InterruptedException {
        String body = """
                {"source":"facebook","externalId":"%s","author":{"name":"Silje Strand"},
                 "text":"Tredje gang på en måned at strømmen går og ingen fra dere gir beskjed. Jeg har en baby i huset."}"""
                .formatted(externalId);
        return http.send(HttpRequest.newBuilder(uri("/api/complaints")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> complaint(String id) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/complaints/" + id))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(AGENT.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String id(HttpResponse<String> created) {
        return created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Path projectDir() {
        return new File(".").toPath().toAbsolutePath().normalize();
    }
}
