package dev.ydmyk.drafting.llm;

import dev.ydmyk.config.YdmykConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The state of the model's circuit breaker, SmallRye Fault Tolerance's breaker named
 * {@value #NAME} (built in {@link LlmDrafter}): the fallback redrafter waits for it to close, and
 * {@code ydmyk.llm.circuit.open} shows it.
 */
@ApplicationScoped
public class CircuitBreaker {

    public static final String NAME = "ydmyk-llm";

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final Duration openFor;
    /** When the breaker last opened (System.nanoTime, as SmallRye counts its delay); told by {@link #changed}. */
    private volatile long openedAt;

    public CircuitBreaker(YdmykConfig config, MeterRegistry metrics) {
        this.openFor = config.llm().breakerOpen();
        Gauge.builder("ydmyk.llm.circuit.open", this, b -> b.state() == State.CLOSED ? 0 : 1)
                .description("1 while the model's circuit breaker is open or half-open").register(metrics);
    }

    /** As SmallRye reports it, except that an open breaker whose time is up reads half-open: the next call is a trial. */
    public State state() {
        CircuitBreakerState s;
        try {
            s = CircuitBreakerMaintenance.get().currentState(NAME);
        } catch (IllegalArgumentException notBuiltYet) {
            return State.CLOSED;
        }
        if (s == CircuitBreakerState.OPEN && System.nanoTime() - openedAt >= openFor.toNanos()) {
            return State.HALF_OPEN;
        }
        return State.valueOf(s.name());
    }

    void changed(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            openedAt = System.nanoTime();
        }
    }

    /** Closes the breaker and forgets past failures (an operator's or a test's fresh start). */
    public void success() {
        try {
            CircuitBreakerMaintenance.get().reset(NAME);
        } catch (IllegalArgumentException notBuiltYet) {
            // nothing to reset before the first model call
        }
    }
}
