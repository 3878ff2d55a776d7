package dev.ydmyk.storage;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** No thread asks for a second connection while it holds one: in the tests such code fails at once. */
@QuarkusTest
class NestedConnectionTest {

    @Inject
    Database db;

    @Test
    void aSecondConnectionWhileHoldingOneIsRefused() {
        assertThrows(IllegalStateException.class, () -> db.tx(conn -> db.read(inner -> 1)));
        assertThrows(IllegalStateException.class, () -> db.read(conn -> db.tx(inner -> 1)));
    }

    @Test
    void connectionsOneAfterAnotherAreFine() {
        assertEquals(Integer.valueOf(1), db.<Integer>read(conn -> 1));
        assertEquals(Integer.valueOf(2), db.<Integer>tx(conn -> 2));
        assertEquals(Integer.valueOf(3), db.<Integer>read(conn -> 3), "the thread is free again after a refused nested call");
    }
}
