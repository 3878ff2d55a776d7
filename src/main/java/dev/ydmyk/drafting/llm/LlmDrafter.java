package dev.ydmyk.drafting.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.ydmyk.config.Backoff;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.DraftRequest;
import dev.ydmyk.drafting.DraftText;
import dev.ydmyk.drafting.Drafter;
import dev.ydmyk.drafting.GuidelineDrafter;
import dev.ydmyk.drafting.StatementRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.langchain4j.ChatMemoryRemover;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Drafts with a language model, safely, through SmallRye Fault Tolerance: a bulkhead caps the
 * calls under way, retries back off exponentially with jitter and honour Retry-After, and a
 * circuit breaker counts failed drafts; output guardrails check what comes back. Whatever goes
 * wrong, the complaint still gets a draft: the guideline drafter writes it, marked with why.
 */
@ApplicationScoped
public class LlmDrafter implements Drafter {

    public static final String NAME = "llm";
    private static final Logger LOG = Logger.getLogger(LlmDrafter.class);
    /** Drafting threads beyond the cap wait their turn rather than being turned away. */
    private static final int WAITING_CALLS = 10_000;

    private final ReplyModel model;
    private final LlmPrompt prompt;
    private final GuidelineDrafter guidelines;
    private final RateLimitGate gate;
    private final YdmykConfig config;
    private final MeterRegistry metrics;
    private final Timer latency;
    /** The breaker sees whole drafts (retries included), so breaker-failures counts failed drafts, as documented. */
    private final TypedGuard<DraftText> breaker;
    private final TypedGuard<DraftText> attempts;

    public LlmDrafter(ReplyModel model, LlmPrompt prompt, GuidelineDrafter guidelines, RateLimitGate gate,
                      CircuitBreaker circuit, YdmykConfig config, MeterRegistry metrics) {
        this.model = model;
        this.prompt = prompt;
        this.guidelines = guidelines;
        this.gate = gate;
        this.config = config;
        this.metrics = metrics;
        this.latency = Timer.builder("ydmyk.llm.latency").description("Time for one model call, guardrail re-prompts included")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(metrics);
        YdmykConfig.Llm llm = config.llm();
        this.breaker = TypedGuard.create(DraftText.class)
                .withDescription("the model's circuit breaker")
                .withCircuitBreaker().name(CircuitBreaker.NAME)
                    .requestVolumeThreshold(Math.max(1, llm.breakerFailures())).failureRatio(1.0).successThreshold(1)
                    .delay(llm.breakerOpen().toMillis(), ChronoUnit.MILLIS)
                    .onStateChange(state -> {
                        circuit.changed(state);
                        logBreaker(state, llm);
                    }).done()
                .build();
        this.attempts = TypedGuard.create(DraftText.class)
                .withDescription("model calls")
                .withRetry().maxRetries(Math.max(1, llm.maxAttempts()) - 1)
                    .whenException(e -> classify(e).retriable())
                    .jitter(0, ChronoUnit.MILLIS) // the backoff below brings its own jitter
                    .maxDuration(llm.maxBackoff().multipliedBy(Math.max(1, llm.maxAttempts())).plus(RetryAfterFilter.LONGEST_WAIT).toMillis(), ChronoUnit.MILLIS)
                    .withCustomBackoff().strategy(ModelBackoff::new).done().done()
                .withBulkhead().limit(Math.max(1, llm.maxConcurrent())).enableSynchronousQueueing().queueSize(WAITING_CALLS).done()
                .build();
    }

    @Override
    public DraftText draft(DraftRequest req) {
        String about = "complaint " + req.complaint().id();
        return guarded(req.language(), req.complaint().text(), about, prompt.user(req), cause -> fallback(req, cause));
    }

    /**
     * An incident's public statement (or its update) in one language: one model call, through the
     * same bulkhead, retries, breaker and guardrails as a reply; the support lead's composed wording
     * whenever the model cannot, marked with why.
     */
    public DraftText statement(StatementRequest req) {
        String about = (req.update() ? "the update of incident " : "the statement of incident ") + req.incidentId() + " (" + req.language() + ")";
        return guarded(req.language(), String.join("\n", req.posts()), about, prompt.statement(req), cause -> {
            metrics.counter("ydmyk.llm.fallbacks", "cause", cause.startsWith("guardrail") ? "guardrail" : cause).increment();
            LOG.infof("%s composed from incident.txt instead of the model: %s", about, cause);
            return req.composed().asFallback(cause);
        });
    }

    /** The model's text in {@code language}, or {@code fallback} with the cause when it cannot give one. */
    private DraftText guarded(String language, String customerText, String about, String user, Function<String, DraftText> fallback) {
        String system = prompt.system();
        try {
            return breaker.call(() -> attempts.call(() -> attempt(language, customerText, about, system, user, fallback)));
        } catch (CircuitBreakerOpenException e) {
            return fallback.apply("circuit-open");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback.apply("interrupted");
        } catch (Exception e) {
            return fallback.apply(classify(e).cause());
        }
    }

    /** One call to the model; a failure is thrown for the retry and the breaker to see. */
    private DraftText attempt(String language, String customerText, String about, String system, String user,
                              Function<String, DraftText> fallback) {
        GuardrailContext ctx = GuardrailContext.open(language, customerText);
        String memoryId = UUID.randomUUID().toString();
        long t0 = System.nanoTime();
        try {
            ModelReply reply = model.draft(memoryId, system, user);
            latency.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            metrics.counter("ydmyk.llm.calls", "outcome", "ok").increment();
            return new DraftText(reply.reply().strip(), language, NAME, null, null, reply.reading());
        } catch (OutputGuardrailException e) {
            // The model answered: a reply that fails the guardrails is not an outage, so no retry and no breaker failure.
            latency.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            metrics.counter("ydmyk.llm.calls", "outcome", "guardrail").increment();
            return fallback.apply("guardrail:" + String.join(",", ctx.failedRules.stream().distinct().toList()));
        } catch (RuntimeException e) {
            String cause = classify(e).cause();
            metrics.counter("ydmyk.llm.calls", "outcome", cause).increment();
            if (cause.equals("error")) {
                LOG.warnf(e, "A model call for %s failed unexpectedly", about);
            } else {
                LOG.debugf("A model call for %s failed: %s (%s)", about, cause, e.getMessage());
            }
            throw e;
        } finally {
            GuardrailContext.close();
            ChatMemoryRemover.remove(model, memoryId);
        }
    }

    private static void logBreaker(CircuitBreakerState state, YdmykConfig.Llm llm) {
        switch (state) {
            case OPEN -> LOG.warnf("The model failed %d draft(s) in a row: circuit open for %s; the guideline drafter stands in",
                    llm.breakerFailures(), llm.breakerOpen());
            case CLOSED -> LOG.info("The model answers again: circuit closed");
            default -> LOG.debugf("The model's circuit is %s", state);
        }
    }

    /** Exponential backoff with jitter, but never sooner than the account-wide Retry-After allows. */
    private final class ModelBackoff implements CustomBackoffStrategy {
        private int attempt;

        @Override
        public long nextDelayInMillis(Throwable failure) {
            Duration wait = backoff(++attempt);
            Duration gateWait = gate.remaining();
            return (gateWait.compareTo(wait) > 0 ? gateWait : wait).toMillis();
        }
    }

    private DraftText fallback(DraftRequest req, String cause) {
        metrics.counter("ydmyk.llm.fallbacks", "cause", cause.startsWith("guardrail") ? "guardrail" : cause).increment();
        LOG.infof("Complaint %s drafted by the guideline drafter instead of the model: %s", req.complaint().id(), cause);
        return guidelines.draft(req).asFallback(cause);
    }

    record Failure(String cause, boolean retriable) {
    }

    static Failure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BulkheadException) {
                return new Failure("busy", true);
            }
            if (t instanceof HttpException h) {
                int s = h.statusCode();
                if (s == 429) {
                    return new Failure("rate-limited", true);
                }
                if (s >= 500) {
                    return new Failure("server-error", true);
                }
                if (s == 408) {
                    return new Failure("timeout", true);
                }
                return new Failure("rejected-" + s, false);
            }
            String name = t.getClass().getName();
            if (name.contains("Timeout")) {
                return new Failure("timeout", true);
            }
            if (t instanceof ConnectException || name.contains("ConnectException")) {
                return new Failure("unreachable", true);
            }
            if (name.contains("Json") || name.contains("Parse") || name.contains("Mismatched")) {
                return new Failure("malformed", true);
            }
        }
        return new Failure("error", true);
    }

    Duration backoff(int attempt) {
        return new Backoff(config.llm().initialBackoff(), config.llm().maxBackoff()).delay(attempt);
    }
}
