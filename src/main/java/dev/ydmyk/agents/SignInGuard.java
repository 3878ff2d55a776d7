package dev.ydmyk.agents;

import dev.ydmyk.config.YdmykConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing, per login and per address: the first few failures cost nothing, each
 * later one makes the next attempt wait twice as long (1 s, 2 s, 4 s…), and {@code lock-after}
 * failures within the window lock the login or address for {@code lock} — the right password
 * included. Held in this instance's memory: with several instances a guesser gets each one's
 * allowance (see the README's note).
 */
@ApplicationScoped
public class SignInGuard {

    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant last, Instant waitUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final YdmykConfig config;
    private final Clock clock;

    public SignInGuard(YdmykConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** How long this login, or this address, must still wait before trying again; empty if it may try now. */
    public Optional<Duration> waitFor(String login, String address) {
        Instant now = clock.instant();
        Instant until = later(failures.get(key("login", login)), failures.get(key("address", address)));
        return until == null || !until.isAfter(now) ? Optional.empty()
                : Optional.of(Duration.between(now, until).plusMillis(999).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    public void failed(String login, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> f.last().isBefore(now.minus(config.signIn().window())));
        }
        for (String k : new String[] {key("login", login), key("address", address)}) {
            if (k != null) {
                failures.compute(k, (x, f) -> next(f, now));
            }
        }
    }

    /** The right password: the login's count starts again (the address's does not: one address may guess many logins). */
    public void succeeded(String login) {
        String k = key("login", login);
        if (k != null) {
            failures.remove(k);
        }
    }

    private Failures next(Failures f, Instant now) {
        YdmykConfig.SignIn s = config.signIn();
        int count = f == null || f.last().isBefore(now.minus(s.window())) ? 1 : f.count() + 1;
        Duration wait = count >= s.lockAfter() ? s.lock()
                : count > s.free() ? Duration.ofSeconds(1L << Math.min(20, count - s.free() - 1)) : Duration.ZERO;
        // No wait, no deadline: a failure that costs nothing never blocks, whatever the clock does later.
        return new Failures(count, now, wait.isZero() ? null : now.plus(wait));
    }

    private static Instant later(Failures a, Failures b) {
        Instant x = a == null ? null : a.waitUntil();
        Instant y = b == null ? null : b.waitUntil();
        return x == null ? y : y == null ? x : x.isAfter(y) ? x : y;
    }

    private static String key(String kind, String value) {
        return value == null || value.isEmpty() ? null : kind + ":" + (value.length() > 200 ? value.substring(0, 200) : value);
    }
}
