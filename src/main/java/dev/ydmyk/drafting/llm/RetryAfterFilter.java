package dev.ydmyk.drafting.llm;

import io.quarkus.arc.Arc;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The OpenAI client turns a 429 into an exception without its headers; this filter reads
 * Retry-After (seconds or an HTTP date) on the way and closes the {@link RateLimitGate}, and every
 * request to the model, the client's own immediate retry included, waits until the gate opens.
 * <p>
 * quarkus-langchain4j 1.10 builds its OpenAI client programmatically and offers no hook to add a
 * provider to it, so this is a global provider that acts only on calls made through that client
 * ({@link #OPENAI_CLIENT}) and lets every other REST client's traffic pass untouched.
 */
@Provider
public class RetryAfterFilter implements ClientResponseFilter, ClientRequestFilter {

    static final Duration LONGEST_WAIT = Duration.ofMinutes(2);
    static final String OPENAI_CLIENT = "io.quarkiverse.langchain4j.openai.common.OpenAiRestApi";
    /** Set by the REST client on every call it makes through an interface (MicroProfile Rest Client). */
    static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    private final Supplier<RateLimitGate> gate;

    public RetryAfterFilter() {
        this(() -> Arc.container().instance(RateLimitGate.class).get());
    }

    RetryAfterFilter(Supplier<RateLimitGate> gate) {
        this.gate = gate;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!toTheModel(request)) {
            return;
        }
        Duration wait = gate.get().remaining();
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
        if ((response.getStatus() != 429 && response.getStatus() != 503) || !toTheModel(request)) {
            return;
        }
        Duration wait = parse(response.getHeaderString("Retry-After"));
        if (wait != null) {
            gate.get().closeFor(wait);
        }
    }

    static boolean toTheModel(ClientRequestContext request) {
        return request.getProperty(INVOKED_METHOD) instanceof Method m && m.getDeclaringClass().getName().equals(OPENAI_CLIENT);
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
