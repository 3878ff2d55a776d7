package dev.ydmyk.storage;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the embedded PostgreSQL when the service starts and no external
 * {@code quarkus.datasource.jdbc.url} is configured, and hands its URL and the generated password
 * (kept in the data folder) to the datasource.
 * Only when the service runs, never during the build: it starts in the background while the
 * application's static init runs, and the run-time configuration waits for it.
 */
@StaticInitSafe
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    private static EmbeddedPostgres server;
    /** Started while the application's static init runs, so the two overlap; joined at run-time init. */
    private static CompletableFuture<EmbeddedPostgres> early;
    private static Settings earlySettings;

    private record Settings(String dataDir, String osUser, boolean clean, int port) {
        static Settings of(ConfigSourceContext context) {
            return new Settings(
                    value(context.getValue("ydmyk.embedded-db.data-dir"), "data/pg"),
                    value(context.getValue("ydmyk.embedded-db.os-user"), "nobody"),
                    Boolean.parseBoolean(value(context.getValue("ydmyk.embedded-db.clean"), "false")),
                    Integer.parseInt(value(context.getValue("ydmyk.embedded-db.port"), "0")));
        }
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ExecutionMode mode = ExecutionMode.current();
        boolean external = present(context.getValue("quarkus.datasource.jdbc.url"));
        if (mode == ExecutionMode.STATIC_INIT) {
            if (!external) {
                startEarly(Settings.of(context));
            }
            return List.of();
        }
        if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.RUNNING) {
            return List.of();
        }
        if (external) {
            discardEarly();
            return List.of();
        }
        EmbeddedPostgres pg = start(Settings.of(context));
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgres.USER,
                "quarkus.datasource.password", pg.password(),
                "ydmyk.embedded-db.active", "true"), "ydmyk-embedded-postgres", 150));
    }

    /** One server per JVM, shared by every start of the application (tests restart it per profile). */
    private static synchronized EmbeddedPostgres start(Settings settings) {
        if (early != null) {
            EmbeddedPostgres pg = early.join();
            early = null;
            if (settings.equals(earlySettings)) {
                server = pg;
            } else {
                // the run-time configuration says otherwise than the one seen at static init
                pg.stop();
            }
        }
        if (server == null) {
            server = startServer(settings);
        }
        return server;
    }

    private static synchronized void startEarly(Settings settings) {
        if (server != null || early != null) {
            return;
        }
        earlySettings = settings;
        CompletableFuture<EmbeddedPostgres> starting = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                starting.complete(startServer(settings));
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        t.setDaemon(true);
        t.start();
        early = starting;
    }

    /** An external database turned up in the run-time configuration after all: the early server is not needed. */
    private static synchronized void discardEarly() {
        if (early != null) {
            early.thenAccept(EmbeddedPostgres::stop);
            early = null;
        }
    }

    private static EmbeddedPostgres startServer(Settings settings) {
        EmbeddedPostgres pg = new EmbeddedPostgres(Path.of(settings.dataDir()), settings.osUser());
        try {
            pg.start(settings.clean(), settings.port());
        } catch (EmbeddedPostgres.CannotStart e) {
            refuseToStart(e.getMessage());
        } catch (RuntimeException e) {
            refuseToStart(e.getMessage() + ". Set ydmyk.embedded-db.data-dir to a folder this user can write, "
                    + "or use an external PostgreSQL (quarkus.datasource.jdbc.url).");
        }
        return pg;
    }

    /**
     * One line on why and what to do, then exit 1: a stack trace from inside configuration start-up
     * would bury the one thing the operator needs to read. Nothing has started that needs stopping.
     */
    private static void refuseToStart(String why) {
        String line = "Ydmyk cannot start its embedded PostgreSQL: " + String.valueOf(why).replaceAll("\\s*\\R\\s*", " ").strip();
        System.err.println(line);
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static boolean present(ConfigValue v) {
        return v != null && v.getValue() != null && !v.getValue().isBlank();
    }

    private static String value(ConfigValue v, String fallback) {
        return present(v) ? v.getValue() : fallback;
    }
}
