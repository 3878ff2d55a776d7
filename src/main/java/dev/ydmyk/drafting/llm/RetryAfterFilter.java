package dev.ydmyk.drafting.llm;

import io.quarkus.arc.Arc;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The OpenAI client turns a 429 into an exception without its headers; this filter reads
 * Retry-After (seconds or an HTTP date) on the way and closes the {@link RateLimitGate}, and every
 * request to the model, the client's own immediate retry included, waits until the gate opens.
 */
@Provider
public class RetryAfterFilter implements ClientResponseFilter, ClientRequestFilter {

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

    @Override
    public void filter(ClientRequestContext request) {
        Duration wait = Arc.container().instance(RateLimitGate.class).get().remaining();
        if (!wait.isZero()) {
            try {
                Thread.sleep(Math.min(wait.toMillis(), LONGEST_WAIT.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() != 429 && response.getStatus() != 503) {
            return;
        }
        Duration wait = parse(response.getHeaderString("Retry-After"));
        if (wait != null) {
            Arc.container().instance(RateLimitGate.class).get().closeFor(wait);
        }
    }

    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException e) {
            try {
                return Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
