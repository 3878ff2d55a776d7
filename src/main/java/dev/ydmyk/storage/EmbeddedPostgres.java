package dev.ydmyk.storage;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded default database: a real PostgreSQL server started from the binaries that zonky
 * publishes on Maven Central, with its data kept on disk. PostgreSQL refuses to run as root, so
 * when the service runs as root the server runs as an unprivileged OS user (default {@code nobody}).
 */
public final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    public static final String DATABASE = "ydmyk";
    public static final String USER = "postgres";

    private final Path dataDir;
    private final String osUser;
    private Path binDir;
    private int port;

    EmbeddedPostgres(Path dataDir, String osUser) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.osUser = osUser;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    synchronized void start(boolean clean, int requestedPort) {
        long t0 = System.nanoTime();
        try {
            binDir = extractBinaries().resolve("bin");
            if (clean) {
                stopOrphan();
                deleteTree(dataDir);
            }
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb();
            } else {
                stopOrphan();
            }
            port = requestedPort > 0 ? requestedPort : freePort();
            run(List.of(binDir.resolve("pg_ctl").toString(), "start", "-w", "-t", "60",
                    "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
                    "-o", "-p " + port), 90);
            createDatabase();
            Files.writeString(dataDir.getParent().resolve(dataDir.getFileName() + ".owner"),
                    Long.toString(ProcessHandle.current().pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-stop"));
            LOG.infof("Embedded PostgreSQL started on 127.0.0.1:%d with data in %s (%d ms)", port, dataDir,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
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
            boolean alive = ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false);
            if (alive && ownerPid != ProcessHandle.current().pid()) {
                throw new IllegalStateException("The embedded database in " + dataDir + " is in use by another running Ydmyk (pid "
                        + ownerPid + "). Stop it first, or give this one its own ydmyk.embedded-db.data-dir.");
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
        run(List.of(binDir.resolve("initdb").toString(), "-A", "trust", "-U", USER, "-E", "UTF8",
                "--locale=C", "-D", dataDir.toString()), 120);
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
        try (Connection c = DriverManager.getConnection(url, USER, "")) {
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

    private Path extractBinaries() throws IOException {
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
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
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

    private void chownForServer(Path dir) throws IOException {
        if (!runningAsRoot()) {
            return;
        }
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = users.lookupPrincipalByName(osUser);
        Files.getFileAttributeView(dir, PosixFileAttributeView.class).setOwner(user);
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
