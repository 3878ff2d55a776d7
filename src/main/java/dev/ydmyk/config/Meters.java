package dev.ydmyk.config;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * quarkus-langchain4j 1.10 registers {@code guardrail.invoked} with different tag keys for success
 * and failure; Prometheus refuses the second set and the refusal surfaces inside the guardrail call
 * (quarkus-langchain4j issue 2465). We count guardrail outcomes ourselves
 * ({@code ydmyk.llm.guardrail.failures}), so that meter is switched off.
 */
public class Meters {

    @Produces
    @Singleton
    MeterFilter withoutClashingGuardrailMeter() {
        return MeterFilter.denyNameStartsWith("guardrail.");
    }
}
