package dev.ydmyk.storage;

import io.quarkus.runtime.Application;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The embedded default database: a real PostgreSQL server started from the binaries that zonky
 * publishes on Maven Central, with its data kept on disk. PostgreSQL refuses to run as root, so
 * when the service runs as root the server runs as an unprivileged OS user (default {@code nobody}).
 * Every connection, local or over loopback, gives the superuser's password (SCRAM): it is generated at
 * the first start and kept in the data folder ({@value #PASSWORD_FILE}, readable by its owner only).
 */
public final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    public static final String DATABASE = "ydmyk";
    public static final String USER = "postgres";
    /** The superuser's password, in the data folder: a copy of the folder is a backup that can be opened. */
    static final String PASSWORD_FILE = "postgres.password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Where clusters live when the server's OS user cannot reach the configured folder (root only). */
    static final Path SHARED_ROOT = Path.of("/var/lib/ydmyk");
    private static final Duration WAIT_FOR_DEAD_OWNER = Duration.ofSeconds(30);
    private static final Duration APPLICATION_STOP = Duration.ofSeconds(60);

    private final Path configuredDir;
    private final String osUser;
    private Path dataDir;
    private Path binDir;
    private int port;
    private String password;

    EmbeddedPostgres(Path dataDir, String osUser) {
        this.configuredDir = dataDir.toAbsolutePath().normalize();
        this.dataDir = configuredDir;
        this.osUser = osUser;
    }

    /** The embedded database cannot start, for a reason the operator can fix: one line says why and what to do. */
    public static final class CannotStart extends RuntimeException {
        CannotStart(String message) {
            super(message);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    Path passwordFile() {
        return dataDir.resolve(PASSWORD_FILE);
    }

    synchronized void start(boolean clean, int requestedPort) {
        long t0 = System.nanoTime();
        try {
            binDir = extractBinaries().resolve("bin");
            dataDir = placeDataDir();
            if (clean) {
                stopOrphan();
                deleteTree(dataDir);
            }
            boolean trusting = false;
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb();
            } else {
                stopOrphan();
                trusting = trustsConnections();
                password = trusting ? readOrCreatePassword() : readPassword();
            }
            port = requestedPort > 0 ? requestedPort : freePort();
            startServer();
            try {
                if (trusting) {
                    requirePassword();
                }
                createDatabase();
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
            Files.writeString(dataDir.getParent().resolve(dataDir.getFileName() + ".owner"),
                    Long.toString(ProcessHandle.current().pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAfterApplication, "embedded-postgres-stop"));
            LOG.infof("Embedded PostgreSQL started on 127.0.0.1:%d with data in %s (%d ms)", port, dataDir,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (IOException e) {
            throw new CannotStart("cannot use the folder " + dataDir + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). Give the service a folder it can write with ydmyk.embedded-db.data-dir, "
                    + "or use an external PostgreSQL (quarkus.datasource.jdbc.url).");
        }
    }

    /**
     * As root the server runs as {@code osUser}, who must reach the data folder. A clone in a folder
     * other users cannot enter (root's home) gets its cluster under /var/lib/ydmyk instead, and the
     * configured folder becomes a symbolic link to it, so the data persists and can be found.
     */
    private Path placeDataDir() throws IOException {
        if (Files.isSymbolicLink(configuredDir)) {
            return configuredDir.toRealPath();
        }
        if (!runningAsRoot() || serverUserCanReach(configuredDir)) {
            return configuredDir;
        }
        if (Files.isDirectory(configuredDir) && !isEmpty(configuredDir)) {
            throw new CannotStart("the data folder " + configuredDir + " holds data but the database's OS user '" + osUser
                    + "' cannot reach it. Let it in (chmod o+x on each parent folder), move the data folder and set "
                    + "ydmyk.embedded-db.data-dir, or use an external PostgreSQL (quarkus.datasource.jdbc.url).");
        }
        String hash = DigestUtils.sha256Hex(configuredDir.toString()).substring(0, 12);
        Path shared = SHARED_ROOT.resolve("pg-" + hash);
        Files.createDirectories(configuredDir.getParent());
        Files.createDirectories(SHARED_ROOT);
        Files.setPosixFilePermissions(SHARED_ROOT, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(shared);
        if (Files.isDirectory(configuredDir)) {
            Files.delete(configuredDir);
        }
        Files.createSymbolicLink(configuredDir, shared);
        LOG.infof("User '%s', who runs the embedded PostgreSQL for root, cannot reach %s: its data is kept in %s instead (%s links to it)",
                osUser, configuredDir.getParent(), shared, configuredDir);
        return shared;
    }

    /** Whether the server's OS user can enter the nearest existing folder on the way to {@code dir}. */
    private boolean serverUserCanReach(Path dir) throws IOException {
        Path probe = dir;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        if (probe == null) {
            return true;
        }
        try {
            Process p = new ProcessBuilder("runuser", "-u", osUser, "--", "test", "-x", probe.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Starts the server; right after a {@code kill -9} the old server may still be shutting down or its
     * backends still hold the shared memory: retry for a bounded time instead of refusing.
     */
    private void startServer() throws IOException {
        Instant deadline = Instant.now().plus(WAIT_FOR_DEAD_OWNER);
        while (true) {
            try {
                run(List.of(binDir.resolve("pg_ctl").toString(), "start", "-w", "-t", "60",
                        "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
                        "-o", "-p " + port), 90);
                return;
            } catch (IllegalStateException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new CannotStart("PostgreSQL would not start in " + dataDir + ": " + lastLines(dataDir.resolve("server.log"))
                            + " Check that no other PostgreSQL uses this folder, or see " + dataDir.resolve("server.log") + ".");
                }
                LOG.infof("The embedded PostgreSQL did not start yet (an earlier server may still be stopping); retrying");
                pause(Duration.ofMillis(500));
            }
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotStart("interrupted while waiting for the embedded PostgreSQL");
        }
    }

    /**
     * JVM shutdown hooks run side by side: stopping the server at once would close the connections
     * under the application's own orderly stop (the retry loops then log "This connection has been
     * closed"). Wait, bounded, for the application to have stopped first.
     */
    private void stopAfterApplication() {
        Application app = Application.currentApplication();
        if (app != null) {
            try {
                CompletableFuture.runAsync(app::awaitShutdown).get(APPLICATION_STOP.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("The application did not stop within %s; stopping the embedded PostgreSQL anyway", APPLICATION_STOP);
            }
        }
        stop();
    }

    void stop() {
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "stop", "-m", "fast", "-w", "-D", dataDir.toString()), 60);
        } catch (RuntimeException | IOException e) {
            LOG.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }

    /** A server left running by a process that was killed still holds the data directory: stop it. */
    private void stopOrphan() throws IOException {
        Path pid = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return;
        }
        Path owner = dataDir.getParent().resolve(dataDir.getFileName() + ".owner");
        if (Files.exists(owner)) {
            long ownerPid = Long.parseLong(Files.readString(owner).strip());
            // a service killed a moment ago may not be gone yet: give it a bounded time to go
            Instant deadline = Instant.now().plus(WAIT_FOR_DEAD_OWNER);
            while (ownerPid != ProcessHandle.current().pid()
                    && ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new CannotStart("the embedded database in " + dataDir + " is in use by another running Ydmyk (pid "
                            + ownerPid + "). Stop it first, or give this one its own ydmyk.embedded-db.data-dir.");
                }
                pause(Duration.ofMillis(200));
            }
        }
        LOG.infof("Found %s from an earlier run; stopping that server first", pid);
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "stop", "-m", "fast", "-w", "-D", dataDir.toString()), 60);
        } catch (RuntimeException e) {
            LOG.debugf("No orphan server to stop: %s", e.getMessage());
        }
    }

    private void initdb() throws IOException {
        Files.createDirectories(dataDir);
        chownForServer(dataDir);
        Files.setPosixFilePermissions(dataDir, EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        password = newPassword();
        // initdb runs as the server's OS user and reads the password from a file: one only that user can read, gone at once
        Path pwfile = dataDir.resolveSibling(dataDir.getFileName() + ".initdb-password");
        writeOwnerOnly(pwfile, password);
        try {
            run(List.of(binDir.resolve("initdb").toString(), "-A", "scram-sha-256", "--pwfile=" + pwfile, "-U", USER,
                    "-E", "UTF8", "--locale=C", "-D", dataDir.toString()), 120);
        } finally {
            Files.deleteIfExists(pwfile);
        }
        writeOwnerOnly(passwordFile(), password);
        writeHba();
        // Only loopback, no Unix socket (its default directory may not be writable), and every commit
        // flushed before it is acknowledged: accepted input must survive a crash.
        String settings = """

                # Ydmyk embedded defaults
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                synchronous_commit = on
                fsync = on
                max_connections = 100
                """;
        Files.writeString(dataDir.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void createDatabase() {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, USER, password)) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    c.createStatement().execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL started but the database could not be created", e);
        }
    }

    /**
     * Earlier versions initialised the cluster with {@code trust}. Such a folder keeps its data: the
     * superuser gets the password (written to the file first, so a crash half-way repeats the same
     * steps), pg_hba.conf asks for it, and the running server reloads.
     */
    private void requirePassword() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, USER, "")) {
            c.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
            writeHba();
            c.createStatement().execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL in " + dataDir + " trusted local connections and could not be given a password", e);
        }
        LOG.infof("The embedded PostgreSQL in %s trusted every local connection; it now asks for the password kept in %s",
                dataDir, passwordFile());
    }

    /** Whether pg_hba.conf lets anyone in without a password, as earlier versions set it up. */
    private boolean trustsConnections() throws IOException {
        for (String line : Files.readAllLines(dataDir.resolve("pg_hba.conf"))) {
            String rule = line.replaceAll("#.*", "").strip();
            if (!rule.isEmpty() && List.of(rule.split("\\s+")).contains("trust")) {
                return true;
            }
        }
        return false;
    }

    private void writeHba() throws IOException {
        String hba = """
                # Ydmyk embedded: every connection gives the superuser's password, kept in %s
                # TYPE  DATABASE     USER  ADDRESS       METHOD
                local   all          all                 scram-sha-256
                host    all          all   127.0.0.1/32  scram-sha-256
                host    all          all   ::1/128       scram-sha-256
                local   replication  all                 scram-sha-256
                host    replication  all   127.0.0.1/32  scram-sha-256
                host    replication  all   ::1/128       scram-sha-256
                """.formatted(PASSWORD_FILE);
        writeOwnerOnly(dataDir.resolve("pg_hba.conf"), hba);
    }

    private String readPassword() throws IOException {
        if (!Files.exists(passwordFile())) {
            throw new CannotStart("the embedded database in " + dataDir + " asks for a password, but " + passwordFile()
                    + " is missing. Restore that file from a backup of the data folder, or start afresh with an empty "
                    + "ydmyk.embedded-db.data-dir.");
        }
        return Files.readString(passwordFile()).strip();
    }

    private String readOrCreatePassword() throws IOException {
        if (Files.exists(passwordFile())) {
            return readPassword();
        }
        String generated = newPassword();
        writeOwnerOnly(passwordFile(), generated);
        return generated;
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new file only its owner (the server's OS user) can read or write, never readable by others even for a moment. */
    private void writeOwnerOnly(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        chownForServer(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** PostgreSQL's binaries, unpacked once per machine (the tests use them too). */
    static Path extractBinaries() throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "ydmyk-embedded-pg");
        Files.createDirectories(root);
        Path target = root.resolve("pg-17");
        if (Files.exists(target.resolve("bin/postgres"))) {
            return target;
        }
        // Several JVMs (tests, the service) may start at once: extract under a file lock.
        try (FileChannel lock = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = lock.lock()) {
            if (Files.exists(target.resolve("bin/postgres"))) {
                return target;
            }
            Path tmp = Files.createTempDirectory(root, "extract-");
            try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(txz)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = tmp.resolve(entry.getName()).normalize();
                    if (!out.startsWith(tmp)) {
                        throw new IOException("Archive entry outside target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
            }
            // the server may run as another OS user: it must be able to read and run the binaries
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            p.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return p;
    }

    private boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void chownForServer(Path path) throws IOException {
        if (!runningAsRoot()) {
            return;
        }
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = users.lookupPrincipalByName(osUser);
        Files.getFileAttributeView(path, PosixFileAttributeView.class).setOwner(user);
    }

    private void run(List<String> command, int timeoutSeconds) throws IOException {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", osUser, "--"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.directory(dataDir.getParent().toFile());
        Process p = pb.start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
