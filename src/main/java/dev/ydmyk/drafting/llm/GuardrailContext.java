package dev.ydmyk.drafting.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * What the guardrail needs to know about the draft being written (the reply language, the post),
 * and what it found. Guardrails of a blocking AI-service call run on the caller's thread, so the
 * drafter hands this over in a thread-local around the call.
 */
final class GuardrailContext {

    private static final ThreadLocal<GuardrailContext> CURRENT = new ThreadLocal<>();

    final String language;
    final String complaintText;
    final List<String> failedRules = new ArrayList<>();

    private GuardrailContext(String language, String complaintText) {
        this.language = language;
        this.complaintText = complaintText;
    }

    static GuardrailContext open(String language, String complaintText) {
        GuardrailContext c = new GuardrailContext(language, complaintText);
        CURRENT.set(c);
        return c;
    }

    static GuardrailContext current() {
        return CURRENT.get();
    }

    static void close() {
        CURRENT.remove();
    }
}
