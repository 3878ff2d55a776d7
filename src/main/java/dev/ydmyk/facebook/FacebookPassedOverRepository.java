package dev.ydmyk.facebook;

import dev.ydmyk.problem.CleanText;
import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.time.Instant;

import static dev.ydmyk.storage.Database.ts;

/** Facebook changes passed over, with the reason: what an operator reads to see what was not taken and why. */
@ApplicationScoped
public class FacebookPassedOverRepository {

    private static final int MAX_CHANGE = 10_000;
    private final Database db;

    public FacebookPassedOverRepository(Database db) {
        this.db = db;
    }

    public void record(String externalId, String reason, String change, Instant now) {
        db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into facebook_passed_over (external_id, reason, change, received_at) values (?, ?, ?, ?)""")) {
                ps.setString(1, CleanText.of(externalId, 500));
                ps.setString(2, CleanText.of(reason, 1000));
                ps.setString(3, CleanText.of(change, MAX_CHANGE));
                ps.setTimestamp(4, ts(now));
                return ps.executeUpdate();
            }
        });
    }
}
