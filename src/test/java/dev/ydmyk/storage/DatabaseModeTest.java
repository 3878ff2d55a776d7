package dev.ydmyk.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite runs twice in CI: on the embedded PostgreSQL the service starts itself, and against the
 * machine's PostgreSQL server (-Pexternal-db). This says which one it is really talking to.
 */
@QuarkusTest
class DatabaseModeTest {

    @Inject
    AgroalDataSource ds;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "ydmyk.embedded-db.active", defaultValue = "false")
    boolean embedded;

    @Test
    void talksToTheDatabaseItWasToldTo() throws Exception {
        String external = System.getProperty("quarkus.datasource.jdbc.url");
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("select version(), current_database()")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("PostgreSQL"), rs.getString(1));
            if (external != null) {
                assertEquals(external, url);
                assertTrue(!embedded, "external URL given, but the embedded server was started");
                assertEquals("test", rs.getString(2));
            } else {
                assertTrue(embedded, "no URL given, so the embedded server should be in use");
                assertEquals(EmbeddedPostgres.DATABASE, rs.getString(2));
            }
        }
    }
}
