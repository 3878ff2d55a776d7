package dev.ydmyk.drafting;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A complaint committed just before the process died, or held by a worker that died, is drafted
 * anyway, and exactly once, however many workers compete for it.
 */
@QuarkusTest
class RecoveryTest {

    @Inject
    AgroalDataSource ds;
    @Inject
    DraftingWorker worker;

    private String insertUndrafted(Instant claimedUntil) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into complaint (id, source, external_id, author_name, text, received_at, claimed_until, claim_token)
                values (?, 'facebook', ?, 'Knut Berge', 'Dere fjernet Discovery fra standardpakken uten varsel.', ?, ?, ?)""")) {
            ps.setObject(1, id);
            ps.setString(2, "crash-" + id);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setTimestamp(4, claimedUntil == null ? null : Timestamp.from(claimedUntil));
            ps.setObject(5, claimedUntil == null ? null : UUID.randomUUID());
            ps.executeUpdate();
        }
        return id.toString();
    }

    @Test
    void aComplaintStoredWithoutADraftIsDraftedWithoutBeingToldAbout() throws Exception {
        String id = insertUndrafted(null);
        assertEquals("pending", Api.awaitDrafts(id, 1).getString("drafts[0].status"));
    }

    @Test
    void aComplaintHeldByADeadWorkerIsDraftedOnceItsLeaseRunsOut() throws Exception {
        String id = insertUndrafted(Instant.now().minusSeconds(1));
        assertEquals("pending", Api.awaitDrafts(id, 1).getString("drafts[0].status"));
    }

    @Test
    void manyWorkersDraftEachComplaintExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(insertUndrafted(null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            runs.add(pool.submit(() -> {
                while (worker.drainOnce() > 0) {
                    Thread.onSpinWait();
                }
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        pool.shutdown();
        for (String id : ids) {
            Api.awaitDrafts(id, 1);
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select complaint_id, count(*) from draft where complaint_id = any (?) group by complaint_id having count(*) <> 1")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                List<String> twice = new ArrayList<>();
                while (rs.next()) {
                    twice.add(rs.getString(1) + " x" + rs.getInt(2));
                }
                assertEquals(List.of(), twice);
            }
        }
    }
}
