package dev.ydmyk.drafting.llm;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Retry-After filter is a global REST-client provider; only the OpenAI client's answers may close the gate. */
class RetryAfterFilterTest {

    interface SomeOtherClient {
        void call();
    }

    @Test
    void aRetryAfterFromTheModelClosesTheGateForEveryCall() throws Exception {
        RateLimitGate gate = new RateLimitGate(Clock.systemUTC());
        new RetryAfterFilter(() -> gate).filter(request(Class.forName(RetryAfterFilter.OPENAI_CLIENT).getMethods()[0]), tooMany("7"));
        assertTrue(gate.remaining().compareTo(Duration.ofSeconds(6)) > 0, "gate closed for " + gate.remaining());
    }

    @Test
    void aRetryAfterFromAnyOtherServiceLeavesTheModelAlone() throws Exception {
        RateLimitGate gate = new RateLimitGate(Clock.systemUTC());
        RetryAfterFilter filter = new RetryAfterFilter(() -> gate);
        filter.filter(request(SomeOtherClient.class.getMethod("call")), tooMany("60"));
        filter.filter(request(null), tooMany("60"));
        assertEquals(Duration.ZERO, gate.remaining());
    }

    private static ClientRequestContext request(Method invoked) {
        Map<String, Object> props = invoked == null ? Map.of() : Map.of(RetryAfterFilter.INVOKED_METHOD, invoked);
        return (ClientRequestContext) Proxy.newProxyInstance(RetryAfterFilterTest.class.getClassLoader(),
                new Class<?>[]{ClientRequestContext.class},
                (p, m, args) -> m.getName().equals("getProperty") ? props.get((String) args[0]) : null);
    }

    private static ClientResponseContext tooMany(String retryAfter) {
        return (ClientResponseContext) Proxy.newProxyInstance(RetryAfterFilterTest.class.getClassLoader(),
                new Class<?>[]{ClientResponseContext.class}, (p, m, args) -> switch (m.getName()) {
                    case "getStatus" -> 429;
                    case "getHeaderString" -> "Retry-After".equals(args[0]) ? retryAfter : null;
                    default -> null;
                });
    }
}
