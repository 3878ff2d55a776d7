package dev.ydmyk.drafting.llm;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model's "wait until" after a 429: a rate limit applies to the whole account, so every call
 * waits for it, not only the one that was refused. Set from the Retry-After header.
 */
@ApplicationScoped
public class RateLimitGate {

    private final Clock clock;
    private final AtomicReference<Instant> openAt = new AtomicReference<>(Instant.MIN);

    public RateLimitGate(Clock clock) {
        this.clock = clock;
    }

    public void closeFor(Duration wait) {
        Instant until = clock.instant().plus(wait);
        openAt.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How long a call must still wait (zero if it may go now). */
    public Duration remaining() {
        Duration d = Duration.between(clock.instant(), openAt.get());
        return d.isNegative() ? Duration.ZERO : d;
    }
}
