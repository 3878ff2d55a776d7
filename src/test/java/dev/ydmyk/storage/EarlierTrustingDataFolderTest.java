package dev.ydmyk.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data folder from before the generated password (initdb -A trust, no password file) keeps its data
 * and is given a password at the next start; the start after that reads the password from the folder.
 */
class EarlierTrustingDataFolderTest {

    private static final String OS_USER = "nobody";
    private final Path dir = Path.of("target", "trusting-" + UUID.randomUUID(), "pg").toAbsolutePath();
    private EmbeddedPostgres pg;

    @AfterEach
    void cleanUp() throws IOException {
        if (pg != null) {
            pg.stop();
        }
        try (Stream<Path> walk = Files.walk(dir.getParent())) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aTrustingFolderKeepsItsDataAndAsksForThePasswordFromThen() throws Exception {
        Path bin = EmbeddedPostgres.extractBinaries().resolve("bin");
        initialiseAsEarlierVersionsDid(bin);
        // data written while the folder trusted everyone
        int port = freePort();
        asServerUser(bin.resolve("pg_ctl").toString(), "start", "-w", "-D", dir.toString(), "-l", dir.resolve("server.log").toString(), "-o", "-p " + port);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", EmbeddedPostgres.USER, "")) {
            c.createStatement().execute("create database " + EmbeddedPostgres.DATABASE);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedPostgres.DATABASE, EmbeddedPostgres.USER, "")) {
            c.createStatement().execute("create table kept (what text); insert into kept values ('written under trust')");
        }
        asServerUser(bin.resolve("pg_ctl").toString(), "stop", "-w", "-D", dir.toString());

        pg = new EmbeddedPostgres(dir, OS_USER);
        pg.start(false, 0);
        assertRefusesWithoutPasswordAndKeepsTheData();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pg.passwordFile())));
        assertEquals(pg.password(), Files.readString(pg.passwordFile()).strip());
        for (String line : Files.readAllLines(dir.resolve("pg_hba.conf"))) {
            assertFalse(line.replaceAll("#.*", "").contains("trust"), line);
        }

        String password = pg.password();
        pg.stop();
        pg = new EmbeddedPostgres(dir, OS_USER);
        pg.start(false, 0);
        assertEquals(password, pg.password(), "the next start reads the same password from the folder");
        assertRefusesWithoutPasswordAndKeepsTheData();
    }

    private void assertRefusesWithoutPasswordAndKeepsTheData() throws SQLException {
        SQLException empty = assertThrows(SQLException.class, () -> DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, "").close());
        assertTrue(empty.getMessage().contains("server requested SCRAM"), empty.getMessage());
        SQLException wrong = assertThrows(SQLException.class, () -> DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, "postgres").close());
        assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, pg.password());
             ResultSet rs = c.createStatement().executeQuery("select what from kept")) {
            assertTrue(rs.next());
            assertEquals("written under trust", rs.getString(1));
        }
    }

    /** What earlier versions of EmbeddedPostgres did: initdb -A trust, loopback only, no Unix socket. */
    private void initialiseAsEarlierVersionsDid(Path bin) throws Exception {
        Files.createDirectories(dir);
        if (root()) {
            Files.getFileAttributeView(dir, PosixFileAttributeView.class)
                    .setOwner(dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        asServerUser(bin.resolve("initdb").toString(), "-A", "trust", "-U", EmbeddedPostgres.USER, "-E", "UTF8", "--locale=C", "-D", dir.toString());
        Files.writeString(dir.resolve("postgresql.conf"), """

                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                """, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void asServerUser(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).directory(dir.getParent().toFile());
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + full);
        assertEquals(0, p.exitValue(), full + ": " + output);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
