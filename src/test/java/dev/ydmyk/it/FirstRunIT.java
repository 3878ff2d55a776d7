package dev.ydmyk.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The README's run command on the packaged service: from a folder others cannot enter, after a kill -9, and where it cannot start. */
class FirstRunIT {

    private final List<PackagedService> services = new ArrayList<>();
    private final List<Path> cleanUp = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (PackagedService s : services) {
            s.stopQuietly();
        }
        for (Path p : cleanUp) {
            deleteTree(p);
        }
    }

    @Test
    void asRootFromAFolderOtherUsersCannotEnterItStartsAndKeepsItsData() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root runs the database as another user");
        // a clone in root's home: the parent folder is 0700
        Path locked = Files.createDirectories(Path.of("target", "it-locked-" + UUID.randomUUID()).toAbsolutePath());
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        Path clone = Files.createDirectories(locked.resolve("ydmyk"));
        copyTree(PackagedService.packagedApp(), clone.resolve("target/quarkus-app"));
        copyTree(PackagedService.projectDir().resolve("prompts"), clone.resolve("prompts"));
        copyTree(PackagedService.projectDir().resolve("config"), clone.resolve("config"));
        Path log = locked.resolve("service.log");

        PackagedService service = track(new PackagedService(clone, clone.resolve("target/quarkus-app"), log)).start();
        Path data = clone.resolve("data/pg");
        assertTrue(Files.isSymbolicLink(data), "data/pg links to where the cluster is kept");
        Path cluster = data.toRealPath();
        cleanUp.add(cluster);
        cleanUp.add(cluster.resolveSibling(cluster.getFileName() + ".owner"));
        cleanUp.add(locked);
        assertTrue(service.output().contains("its data is kept in " + cluster), service.output());
        HttpResponse<String> created = service.postComplaint("locked-1");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(0, service.stop(), service.output());

        service.start();
        assertEquals(200, service.complaint(PackagedService.id(created)).statusCode(), "the complaint is there after a restart");
    }

    @Test
    void aRestartRightAfterKillMinus9WaitsForTheDeadOwnerAndStarts() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath());
        cleanUp.add(dir);
        PackagedService service = track(new PackagedService(PackagedService.projectDir(), PackagedService.packagedApp(), dir.resolve("service.log")))
                .with("ydmyk.embedded-db.data-dir", dir.resolve("pg").toString()).start();
        HttpResponse<String> created = service.postComplaint("killed-1");
        assertEquals(201, created.statusCode(), created.body());

        service.kill(); // no waiting: the old process and its server may still be going
        service.start();
        assertEquals(200, service.complaint(PackagedService.id(created)).statusCode(), "the complaint is there after the restart");
    }

    @Test
    void withTheDemoCredentialsItListensOnThisMachineOnlyAndRefusesEveryAddress() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath());
        cleanUp.add(dir);
        // config/application.properties has the demo agent, as on a fresh clone.
        PackagedService local = track(new PackagedService(PackagedService.projectDir(), PackagedService.packagedApp(), dir.resolve("local.log")))
                .with("ydmyk.embedded-db.data-dir", dir.resolve("pg").toString()).start();
        assertTrue(local.output().contains("Listening on 127.0.0.1 only while demo credentials are configured (ydmyk.agents.demo.password"),
                local.output());
        local.stopQuietly();

        PackagedService open = track(new PackagedService(PackagedService.projectDir(), PackagedService.packagedApp(), dir.resolve("open.log")))
                .with("ydmyk.embedded-db.data-dir", dir.resolve("pg").toString()).with("quarkus.http.host", "0.0.0.0");
        Process p = open.launch();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "it stops instead of listening everywhere");
        assertEquals(1, p.exitValue(), open.output());
        assertTrue(open.output().contains("quarkus.http.host=0.0.0.0 would let anyone who can reach this machine sign in with the demo credentials")
                && open.output().contains("ydmyk.agents.demo.password"), open.output());
    }

    @Test
    void whereTheDatabaseCannotStartOneLineSaysWhyAndWhatToDo() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath());
        cleanUp.add(dir);
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "a file where the data folder's parent should be");
        PackagedService service = track(new PackagedService(PackagedService.projectDir(), PackagedService.packagedApp(), dir.resolve("service.log")))
                .with("ydmyk.embedded-db.data-dir", notAFolder.resolve("pg").toString());

        Process p = service.launch();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "it gives up instead of hanging");
        String output = service.output();
        assertEquals(1, p.exitValue(), output);
        List<String> said = output.lines().filter(l -> l.contains("Ydmyk cannot start its embedded PostgreSQL")).toList();
        assertEquals(1, said.size(), output);
        assertTrue(said.get(0).contains(notAFolder.toString()) && said.get(0).contains("ydmyk.embedded-db.data-dir"), said.get(0));
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
    }

    private PackagedService track(PackagedService s) {
        services.add(s);
        return s;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
