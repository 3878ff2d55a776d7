package dev.ydmyk.agents;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Slows password guessing, per login and per address: the first few failures cost nothing, each
 * later one makes the next attempt wait twice as long (1 s, 2 s, 4 s…), and {@code lock-after}
 * failures within the window lock the login or address for {@code lock} — the right password
 * included. Kept in the database ({@link SignInFailureRepository}), so every instance counts the same
 * failures: a guesser gets one allowance, not one per instance.
 */
@ApplicationScoped
public class SignInGuard {

    private final Database db;
    private final SignInFailureRepository failures;
    private final YdmykConfig config;
    private final Clock clock;

    public SignInGuard(Database db, SignInFailureRepository failures, YdmykConfig config, Clock clock) {
        this.db = db;
        this.failures = failures;
        this.config = config;
        this.clock = clock;
    }

    /** How long this login, or this address, must still wait before trying again; empty if it may try now. */
    public Optional<Duration> waitFor(String login, String address) {
        Instant now = clock.instant();
        Instant until = failures.latestWait(key("login", login), key("address", address));
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
                int count = failures.failed(conn, k, now, stale);
                Duration wait = count >= s.lockAfter() ? s.lock()
                        : count > s.free() ? Duration.ofSeconds(1L << Math.min(20, count - s.free() - 1)) : Duration.ZERO;
                // No wait, no deadline: a failure that costs nothing never blocks, whatever the clock does later.
                failures.waitUntil(conn, k, wait.isZero() ? null : now.plus(wait));
            }
            failures.clearStale(conn, stale, now);
            return null;
        });
    }

    /** The right password: the login's count starts again (the address's does not: one address may guess many logins). */
    public void succeeded(String login) {
        String k = key("login", login);
        if (k != null) {
            failures.forget(k);
        }
    }

    private static String key(String kind, String value) {
        return value == null || value.isEmpty() ? null : kind + ":" + (value.length() > 200 ? value.substring(0, 200) : value);
    }
}
