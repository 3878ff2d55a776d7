package dev.ydmyk.it;

import dev.ydmyk.agents.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command, {@code bin/ydmyk}, as a user runs it (no JAVA_HOME, no YDMYK_JAVA): the service
 * runs with a serial collector, a 128 MB heap and the quick compiler only, and takes complaints; where the machine has a JDK 25 or
 * later, the first start records the class cache at its stop and the next start uses it.
 */
class RunScriptIT {

    private final List<PackagedService> services = new ArrayList<>();
    private Path dir;

    @AfterEach
    void stopAll() throws Exception {
        for (PackagedService s : services) {
            s.stopQuietly();
        }
        if (dir != null) {
            FirstRunIT.deleteTree(dir);
        }
    }

    private PackagedService start(Path app, String name, String... properties) throws IOException {
        PackagedService s = new PackagedService(PackagedService.projectDir(), app, dir.resolve(name + ".log"))
                .throughScript(PackagedService.projectDir().resolve("bin/ydmyk"))
                .environment("JAVA_HOME", null).environment("YDMYK_JAVA", null).environment("YDMYK_JAVA_OPTS", null)
                .with("ydmyk.embedded-db.data-dir", dir.resolve("pg").toString());
        for (int i = 0; i < properties.length; i += 2) {
            s.with(properties[i], properties[i + 1]);
        }
        services.add(s);
        return s.start();
    }

    /** {@code bin/ydmyk hash-password} with the password on standard input, as a provisioning script runs it. */
    private static String hashPassword(Path app, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PackagedService.projectDir().resolve("bin/ydmyk").toString(), "hash-password")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("YDMYK_APP", app.toString());
        Process p = builder.start();
        p.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), printed);
        PasswordHash hash = PasswordHash.parse("printed", printed);
        assertTrue(hash.matches(password), printed);
        assertFalse(hash.matches(password + " "), printed);
        return printed;
    }

    private static int status(PackagedService s, String login, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(s.uri("/api/channel/status")).header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String commandLine(PackagedService s) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(s.pid()), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
    }

    /** A JDK 25 or later where the script looks for one, as its {@code release} file says. */
    private static Optional<Path> jdk25() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Pattern version = Pattern.compile("JAVA_VERSION=\"(\\d+)");
        try (Stream<Path> all = Files.list(jvms)) {
            for (Path jdk : all.toList()) {
                Path release = jdk.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(jdk.resolve("bin/java"))) {
                    Matcher m = version.matcher(Files.readString(release));
                    if (m.find() && Integer.parseInt(m.group(1)) >= 25) {
                        return Optional.of(jdk);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void theRunCommandStartsTheServiceSmallAndReusesItsClassCacheOnAJdk25() throws Exception {
        dir = Files.createDirectories(Path.of("target", "it-script-" + UUID.randomUUID()).toAbsolutePath());
        Path app = dir.resolve("quarkus-app");
        FirstRunIT.copyTree(PackagedService.packagedApp(), app);
        boolean cache = jdk25().isPresent();

        PackagedService first = start(app, "first");
        String line = commandLine(first);
        assertTrue(line.contains("-XX:+UseSerialGC") && line.contains("-Xmx128m") && line.contains("-XX:TieredStopAtLevel=1"), line);
        assertEquals(cache, line.contains("-XX:AOTCacheOutput="), "records a class cache on a JDK 25 (" + jdk25() + "): " + line);
        assertEquals(201, first.postComplaint("script-" + UUID.randomUUID()).statusCode(), first.output());
        assertEquals(0, first.stop(), first.output());
        services.remove(first);
        assertEquals(cache, Files.isRegularFile(app.resolve("app.aot")), "the cache is written at the stop: " + first.output());

        // An operator keeps an agent's password hashed: bin/ydmyk hash-password prints the value to configure.
        String hashed = hashPassword(app, "lang nok passordfrase");
        assertTrue(hashed.startsWith(PasswordHash.PREFIX), hashed);
        PackagedService second = start(app, "second", "ydmyk.agents.hanne.name", "Hanne Haug", "ydmyk.agents.hanne.password", hashed);
        line = commandLine(second);
        assertEquals(cache, line.contains("-XX:AOTCache=" + app.resolve("app.aot")), line);
        assertFalse(line.contains("-XX:AOTCacheOutput="), "a cache newer than the build is used, not recorded again: " + line);
        assertEquals(201, second.postComplaint("script-" + UUID.randomUUID()).statusCode(), second.output());
        assertEquals(200, status(second, "hanne", "lang nok passordfrase"), "the hashed password signs in");
        assertEquals(200, status(second, "hanne", "lang nok passordfrase"), "and again (remembered, not derived again)");
        assertEquals(401, status(second, "hanne", "lang nok passordfrase!"), "a wrong one does not");
        assertEquals(401, status(second, "nobody", "lang nok passordfrase"), "nor an unknown login");
        assertEquals(0, second.stop(), second.output());
        assertFalse(second.output().contains("Agent 'hanne' has their password in plain text"), second.output());
        // A clean stop: after the start nothing warns or fails but the posted complaint's escalation and the wrong
        // passwords above (the notifications listener hands its connection back before the pool closes: no "This
        // connection has been closed").
        String output = second.output();
        String afterStart = output.substring(Math.max(0, output.indexOf(" started in ")));
        List<String> loud = afterStart.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                .filter(l -> !l.contains("[dev.ydmyk.schedule.Escalations]") && !l.contains("Failed sign-in (HTTP Basic)")).toList();
        assertEquals(List.of(), loud, output);
    }
}
