package dev.ydmyk.agents;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Slows password guessing, per login and per address: the first few failures cost nothing, each
 * later one makes the next attempt wait twice as long (1 s, 2 s, 4 s…), and {@code lock-after}
 * failures within the window lock the login or address for {@code lock} — the right password
 * included. Kept in the database ({@code sign_in_failure}), so every instance counts the same
 * failures: a guesser gets one allowance, not one per instance.
 */
@ApplicationScoped
public class SignInGuard {

    private final Database db;
    private final YdmykConfig config;
    private final Clock clock;

    public SignInGuard(Database db, YdmykConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    /** How long this login, or this address, must still wait before trying again; empty if it may try now. */
    public Optional<Duration> waitFor(String login, String address) {
        Instant now = clock.instant();
        Instant until = db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select max(wait_until) from sign_in_failure where key in (?, ?)")) {
                ps.setString(1, key("login", login));
                ps.setString(2, key("address", address));
                try (ResultSet rs = ps.executeQuery()) {
                    Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                    return t == null ? null : t.toInstant();
                }
            }
        });
        return until == null || !until.isAfter(now) ? Optional.empty()
                : Optional.of(Duration.between(now, until).plusMillis(999).truncatedTo(ChronoUnit.SECONDS));
    }

    /** One more failure for the login and for the address; the count starts again after a quiet window. */
    public void failed(String login, String address) {
        Instant now = clock.instant();
        YdmykConfig.SignIn s = config.signIn();
        Instant stale = now.minus(s.window());
        db.tx(conn -> {
            for (String k : new String[] {key("login", login), key("address", address)}) {
                if (k == null) {
                    continue;
                }
                int count;
                // One statement: two instances counting the same key at once both count.
                try (PreparedStatement ps = conn.prepareStatement("""
                        insert into sign_in_failure as f (key, failures, last_at) values (?, 1, ?)
                        on conflict (key) do update set failures = case when f.last_at < ? or f.last_at > ? then 1 else f.failures + 1 end,
                          last_at = excluded.last_at
                        returning failures""")) {
                    ps.setString(1, k);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setTimestamp(3, Timestamp.from(stale));
                    ps.setTimestamp(4, Timestamp.from(now));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        count = rs.getInt(1);
                    }
                }
                Duration wait = count >= s.lockAfter() ? s.lock()
                        : count > s.free() ? Duration.ofSeconds(1L << Math.min(20, count - s.free() - 1)) : Duration.ZERO;
                // No wait, no deadline: a failure that costs nothing never blocks, whatever the clock does later.
                try (PreparedStatement ps = conn.prepareStatement("update sign_in_failure set wait_until = ? where key = ?")) {
                    ps.setTimestamp(1, wait.isZero() ? null : Timestamp.from(now.plus(wait)));
                    ps.setString(2, k);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "delete from sign_in_failure where last_at < ? and (wait_until is null or wait_until < ?)")) {
                ps.setTimestamp(1, Timestamp.from(stale));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The right password: the login's count starts again (the address's does not: one address may guess many logins). */
    public void succeeded(String login) {
        String k = key("login", login);
        if (k != null) {
            db.tx(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("delete from sign_in_failure where key = ?")) {
                    ps.setString(1, k);
                    return ps.executeUpdate();
                }
            });
        }
    }

    private static String key(String kind, String value) {
        return value == null || value.isEmpty() ? null : kind + ":" + (value.length() > 200 ? value.substring(0, 200) : value);
    }
}
