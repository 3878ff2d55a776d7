package dev.ydmyk.storage;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The embedded PostgreSQL the suite runs on asks every connection for the password kept in its data folder. */
@QuarkusTest
class EmbeddedPasswordTest {

    @ConfigProperty(name = "ydmyk.embedded-db.active", defaultValue = "false")
    boolean embedded;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "ydmyk.embedded-db.data-dir")
    String dataDir;

    @BeforeEach
    void onlyOnTheEmbeddedDatabase() {
        assumeTrue(embedded, "the external-database run has its own server's rules");
    }

    @Test
    void withoutThePasswordTheDatabaseRefuses() {
        Properties noPassword = new Properties();
        noPassword.setProperty("user", EmbeddedPostgres.USER);
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, noPassword).close());
        // what earlier versions connected with: an empty password, which trust accepted; now the server asks for SCRAM
        SQLException empty = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, EmbeddedPostgres.USER, "").close());
        assertTrue(empty.getMessage().contains("server requested SCRAM"), empty.getMessage());
        SQLException wrong = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, EmbeddedPostgres.USER, "postgres").close());
        assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
    }

    @Test
    void withThePasswordFromTheDataFolderItConnects() throws Exception {
        String password = Files.readString(passwordFile()).strip();
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgres.USER, password);
             ResultSet rs = c.createStatement().executeQuery("select current_user")) {
            assertTrue(rs.next());
            assertEquals(EmbeddedPostgres.USER, rs.getString(1));
        }
    }

    @Test
    void thePasswordFileIsReadableByItsOwnerOnly() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile())));
        assertTrue(Files.readString(passwordFile()).strip().length() >= 32, "a generated password, not a word");
    }

    @Test
    void noRuleTrustsAConnection() throws Exception {
        for (String line : Files.readAllLines(Path.of(dataDir).resolve("pg_hba.conf"))) {
            String rule = line.replaceAll("#.*", "").strip();
            assertFalse(rule.contains("trust"), line);
        }
    }

    private Path passwordFile() {
        return Path.of(dataDir).resolve(EmbeddedPostgres.PASSWORD_FILE);
    }
}
