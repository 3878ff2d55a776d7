package dev.ydmyk.config;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, capped: attempt 1 waits about {@code initial}, each further
 * attempt twice as long, never more than {@code max}. Jitter spreads retries that failed together.
 */
public record Backoff(Duration initial, Duration max) {

    public Duration delay(int attempt) {
        long base = initial.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
        long capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
