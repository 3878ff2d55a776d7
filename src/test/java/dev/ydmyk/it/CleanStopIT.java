package dev.ydmyk.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM under load: the packaged service stops its schedulers and pollers, lets the work in
 * flight finish, exits 0 without an ERROR line, and every complaint it answered 201 is kept.
 */
class CleanStopIT {

    private PackagedService service;
    private Path dir;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.stopQuietly();
        }
        FirstRunIT.deleteTree(dir);
    }

    @Test
    void sigtermUnderLoadExitsZeroWithoutErrorsAndKeepsEveryAcceptedComplaint() throws Exception {
        dir = Files.createDirectories(Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath());
        Path log = dir.resolve("service.log");
        service = new PackagedService(PackagedService.projectDir(), PackagedService.packagedApp(), log)
                .with("ydmyk.embedded-db.data-dir", dir.resolve("pg").toString())
                .with("ydmyk.publishing.retry-every", "0.2s")
                .with("ydmyk.sla.check-every", "1s")
                .start();

        List<String> accepted = new CopyOnWriteArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            for (int i = 0; i < 5_000 && loading.get(); i++) {
                try {
                    HttpResponse<String> r = service.postComplaint("stop-" + i);
                    if (r.statusCode() == 201) {
                        accepted.add(PackagedService.id(r));
                    }
                } catch (Exception e) {
                    // refused while stopping: not accepted
                }
            }
        }, "load");
        load.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 30);

        int exit = service.stop();
        loading.set(false);
        load.join(60_000);
        String output = service.output();
        assertEquals(0, exit, output);
        assertTrue(output.lines().noneMatch(l -> l.contains(" ERROR ")), "no ERROR line:\n" + output);

        service.start();
        for (String id : accepted) {
            assertEquals(200, service.complaint(id).statusCode(), "complaint " + id + " answered 201 before the stop");
        }
    }
}
