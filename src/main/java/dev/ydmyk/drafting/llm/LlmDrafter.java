package dev.ydmyk.drafting.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.ydmyk.config.Backoff;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.DraftRequest;
import dev.ydmyk.drafting.DraftText;
import dev.ydmyk.drafting.Drafter;
import dev.ydmyk.drafting.GuidelineDrafter;
import io.quarkiverse.langchain4j.ChatMemoryRemover;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Drafts with a language model, safely: a cap on concurrent calls, retries with exponential
 * backoff and jitter that honour Retry-After, a circuit breaker, and output guardrails. Whatever
 * goes wrong, the complaint still gets a draft: the guideline drafter writes it, marked with why.
 */
@ApplicationScoped
public class LlmDrafter implements Drafter {

    public static final String NAME = "llm";
    private static final Logger LOG = Logger.getLogger(LlmDrafter.class);

    private final ReplyModel model;
    private final LlmPrompt prompt;
    private final GuidelineDrafter guidelines;
    private final CircuitBreaker breaker;
    private final RateLimitGate gate;
    private final YdmykConfig config;
    private final MeterRegistry metrics;
    private final Semaphore permits;
    private final Timer latency;

    public LlmDrafter(ReplyModel model, LlmPrompt prompt, GuidelineDrafter guidelines, CircuitBreaker breaker,
                      RateLimitGate gate, YdmykConfig config, MeterRegistry metrics) {
        this.model = model;
        this.prompt = prompt;
        this.guidelines = guidelines;
        this.breaker = breaker;
        this.gate = gate;
        this.config = config;
        this.metrics = metrics;
        this.permits = new Semaphore(Math.max(1, config.llm().maxConcurrent()), true);
        this.latency = Timer.builder("ydmyk.llm.latency").description("Time for one model call, guardrail re-prompts included")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(metrics);
    }

    @Override
    public DraftText draft(DraftRequest req) {
        if (!breaker.tryAcquire()) {
            return fallback(req, "circuit-open");
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.failure();
            return fallback(req, "interrupted");
        }
        try {
            return callWithRetries(req);
        } finally {
            permits.release();
        }
    }

    private DraftText callWithRetries(DraftRequest req) {
        String system = prompt.system();
        String user = prompt.user(req);
        String cause = "error";
        int attempts = Math.max(1, config.llm().maxAttempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            sleep(gate.remaining());
            GuardrailContext ctx = GuardrailContext.open(req.language(), req.complaint().text());
            String memoryId = UUID.randomUUID().toString();
            long t0 = System.nanoTime();
            try {
                ModelReply reply = model.draft(memoryId, system, user);
                latency.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                breaker.success();
                metrics.counter("ydmyk.llm.calls", "outcome", "ok").increment();
                return new DraftText(reply.reply().strip(), req.language(), NAME);
            } catch (OutputGuardrailException e) {
                latency.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                breaker.success();
                metrics.counter("ydmyk.llm.calls", "outcome", "guardrail").increment();
                return fallback(req, "guardrail:" + String.join(",", ctx.failedRules.stream().distinct().toList()));
            } catch (RuntimeException e) {
                Failure f = classify(e);
                cause = f.cause();
                metrics.counter("ydmyk.llm.calls", "outcome", cause).increment();
                if (cause.equals("error")) {
                    LOG.warnf(e, "Model call %d/%d for complaint %s failed unexpectedly", attempt, attempts, req.complaint().id());
                } else {
                    LOG.debugf("Model call %d/%d for complaint %s failed: %s (%s)", attempt, attempts, req.complaint().id(), cause, e.getMessage());
                }
                if (!f.retriable()) {
                    break;
                }
                if (attempt < attempts) {
                    Duration wait = backoff(attempt);
                    Duration gateWait = gate.remaining();
                    sleep(gateWait.compareTo(wait) > 0 ? gateWait : wait);
                }
            } finally {
                GuardrailContext.close();
                ChatMemoryRemover.remove(model, memoryId);
            }
        }
        breaker.failure();
        return fallback(req, cause);
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

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
