package dev.ydmyk.agents;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The sign_in_failure table: failed sign-ins per login and per address, shared by every instance. */
@ApplicationScoped
public class SignInFailureRepository {

    private final Database db;

    public SignInFailureRepository(Database db) {
        this.db = db;
    }

    /** The later of the two keys' waits, if either has one. */
    Instant latestWait(String first, String second) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select max(wait_until) from sign_in_failure where key in (?, ?)")) {
                ps.setString(1, first);
                ps.setString(2, second);
                try (ResultSet rs = ps.executeQuery()) {
                    Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                    return t == null ? null : t.toInstant();
                }
            }
        });
    }

    /**
     * Counts one more failure for the key and returns the count; a count last touched before {@code stale}
     * (or after now: a clock set back) starts again. One statement: two instances counting at once both count.
     */
    int failed(Connection conn, String key, Instant now, Instant stale) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                insert into sign_in_failure as f (key, failures, last_at) values (?, 1, ?)
                on conflict (key) do update set failures = case when f.last_at < ? or f.last_at > ? then 1 else f.failures + 1 end,
                  last_at = excluded.last_at
                returning failures""")) {
            ps.setString(1, key);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(stale));
            ps.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Until when the key must wait; null: it need not. */
    void waitUntil(Connection conn, String key, Instant until) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("update sign_in_failure set wait_until = ? where key = ?")) {
            ps.setTimestamp(1, until == null ? null : Timestamp.from(until));
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    /** Forgets counts last touched before {@code stale} that make no one wait any more. */
    void clearStale(Connection conn, Instant stale, Instant now) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "delete from sign_in_failure where last_at < ? and (wait_until is null or wait_until < ?)")) {
            ps.setTimestamp(1, Timestamp.from(stale));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    void forget(String key) {
        db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("delete from sign_in_failure where key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }
}
