package dev.ydmyk.storage;

import dev.ydmyk.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A read sees the database at one moment: a page that shows a complaint's drafts also shows the triage committed with
 * them, even when the drafting worker commits between the read's first and last statement.
 */
@QuarkusTest
class ReadSnapshotTest {

    @Inject
    Database db;

    private static long complaints(Connection conn) throws SQLException {
        try (var ps = conn.prepareStatement("select count(*) from complaint"); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aWriteCommittedHalfwayThroughAReadIsNotSeenByItsLaterStatements() {
        long[] seen = db.read(conn -> {
            long before = complaints(conn);
            // Another thread (the server's) accepts a complaint and commits it while this read holds its connection.
            Api.post(Api.complaint("email", "Snapshot " + UUID.randomUUID(), "Pakken kom aldri fram, og ingen svarer meg."));
            return new long[] {before, complaints(conn)};
        });
        assertEquals(seen[0], seen[1], "one read, one moment");
        long after = db.read(ReadSnapshotTest::complaints);
        assertEquals(seen[0] + 1, after, "the next read sees the new complaint");
    }
}
