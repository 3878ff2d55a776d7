package dev.ydmyk.drafting.llm;

import dev.ydmyk.config.YdmykConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Stops calling a model that keeps failing: after {@code ydmyk.llm.breaker-failures} failed drafts
 * in a row it opens for {@code ydmyk.llm.breaker-open}; then one trial call is let through
 * (half-open), and its outcome closes or re-opens it.
 */
@ApplicationScoped
public class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final Logger LOG = Logger.getLogger(CircuitBreaker.class);

    private final YdmykConfig config;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openUntil = Instant.MIN;
    private boolean trialInFlight;

    public CircuitBreaker(YdmykConfig config, Clock clock, MeterRegistry metrics) {
        this.config = config;
        this.clock = clock;
        Gauge.builder("ydmyk.llm.circuit.open", this, b -> b.state() == State.CLOSED ? 0 : 1)
                .description("1 while the model's circuit breaker is open or half-open").register(metrics);
    }

    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return state;
    }

    /** May a call be made now? In half-open state only one trial call at a time. */
    public synchronized boolean tryAcquire() {
        State s = state();
        if (s == State.CLOSED) {
            return true;
        }
        if (s == State.HALF_OPEN && !trialInFlight) {
            trialInFlight = true;
            return true;
        }
        return false;
    }

    public synchronized void success() {
        if (state != State.CLOSED) {
            LOG.info("The model answers again: circuit closed");
        }
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void failure() {
        failures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || failures >= config.llm().breakerFailures()) {
            if (state != State.OPEN) {
                LOG.warnf("The model failed %d time(s) in a row: circuit open for %s; the guideline drafter stands in",
                        failures, config.llm().breakerOpen());
            }
            state = State.OPEN;
            openUntil = clock.instant().plus(config.llm().breakerOpen());
        }
    }
}
