package dev.ydmyk.storage;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Starts the embedded PostgreSQL when the service starts and no external
 * {@code quarkus.datasource.jdbc.url} is configured, and hands its URL and the generated password
 * (kept in the data folder) to the datasource.
 * Only at run time: the build never starts a database.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    private static EmbeddedPostgres server;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT && ExecutionMode.current() != ExecutionMode.RUNNING) {
            return List.of();
        }
        if (present(context.getValue("quarkus.datasource.jdbc.url"))) {
            return List.of();
        }
        EmbeddedPostgres pg = start(
                value(context.getValue("ydmyk.embedded-db.data-dir"), "data/pg"),
                value(context.getValue("ydmyk.embedded-db.os-user"), "nobody"),
                Boolean.parseBoolean(value(context.getValue("ydmyk.embedded-db.clean"), "false")),
                Integer.parseInt(value(context.getValue("ydmyk.embedded-db.port"), "0")));
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgres.USER,
                "quarkus.datasource.password", pg.password(),
                "ydmyk.embedded-db.active", "true"), "ydmyk-embedded-postgres", 150));
    }

    /** One server per JVM, shared by every start of the application (tests restart it per profile). */
    private static synchronized EmbeddedPostgres start(String dataDir, String osUser, boolean clean, int port) {
        if (server == null) {
            EmbeddedPostgres pg = new EmbeddedPostgres(Path.of(dataDir), osUser);
            try {
                pg.start(clean, port);
            } catch (EmbeddedPostgres.CannotStart e) {
                refuseToStart(e.getMessage());
            } catch (RuntimeException e) {
                refuseToStart(e.getMessage() + ". Set ydmyk.embedded-db.data-dir to a folder this user can write, "
                        + "or use an external PostgreSQL (quarkus.datasource.jdbc.url).");
            }
            server = pg;
        }
        return server;
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
