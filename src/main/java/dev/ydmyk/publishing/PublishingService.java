package dev.ydmyk.publishing;

import dev.ydmyk.audit.AuditTrail;
import dev.ydmyk.config.Backoff;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.drafting.DraftRepository;
import dev.ydmyk.storage.BackgroundJob;
import dev.ydmyk.storage.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one way a message reaches a customer, whatever its {@link Purpose}: the approved text is
 * committed before any attempt; each attempt is counted and committed before the {@link Publisher}
 * is called, and no transaction is open during the call, so after a crash mid-call the next attempt
 * knows an earlier one may have gone through ({@link OutgoingReply#attempts()} &gt; 0) and the
 * publisher reconciles before sending again. Failures are retried with exponential backoff and
 * jitter, until {@code ydmyk.publishing.max-attempts} failures or a {@link CannotPublish}: then the
 * message is marked failed, stays approved with its reason, and {@link PublishingFailed} is fired.
 * Every error is redacted ({@link Secrets}) before it is logged or stored.
 */
@ApplicationScoped
public class PublishingService {

    private static final Logger LOG = Logger.getLogger(PublishingService.class);
    private static final int PUBLISHERS = 4;

    private final Database db;
    private final Outbox outbox;
    private final Publishers publishers;
    private final DraftRepository drafts;
    private final AuditTrail audit;
    private final Secrets secrets;
    private final YdmykConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Event<DraftChanged> changes;
    private final Event<PublishingFailed> failures;
    /** Sources whose platform asked us to slow down (rate limits), until when. */
    private final Map<String, Instant> paused = new ConcurrentHashMap<>();
    /** Approved replies on their way out; a few at a time, so a storm's bulk approval does not take every thread. */
    private final ExecutorService now = new ThreadPoolExecutor(PUBLISHERS, PUBLISHERS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "ydmyk-publish");
                t.setDaemon(true);
                return t;
            });

    public PublishingService(Database db, Outbox outbox, Publishers publishers, DraftRepository drafts, AuditTrail audit,
                             Secrets secrets, YdmykConfig config, Clock clock, MeterRegistry metrics,
                             Event<DraftChanged> changes, Event<PublishingFailed> failures) {
        this.db = db;
        this.outbox = outbox;
        this.publishers = publishers;
        this.drafts = drafts;
        this.audit = audit;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.changes = changes;
        this.failures = failures;
    }

    /** Tries to publish one approved reply or report-back now (by its draft), if it is not sent yet and no other attempt holds it. */
    public void attempt(UUID draftId) {
        attempt(Purpose.REPLY.store, draftId);
    }

    /**
     * An approval is published at once, off the agent's request: an approval answers as soon as it is
     * committed, whatever Facebook or the mail server take. After the channels have shown it (a later
     * observer priority). If the hand-over queue is full or the service stops first, the message is
     * already in the outbox, due now, and {@link #retryDue()} takes it within a second.
     */
    void onApproved(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) DraftChanged change) {
        // Within an undo window the message is not due yet: retryDue takes it when the window closes.
        if (change.change() == DraftChanged.Change.APPROVED && config.approval().undo().isZero()) {
            UUID draftId = change.draftId();
            try {
                now.execute(() -> publishNow(draftId));
            } catch (RejectedExecutionException full) {
                LOG.debugf("Reply %s waits for the next retry round (hand-over queue full)", draftId);
            }
        }
    }

    @BackgroundJob
    void publishNow(UUID draftId) {
        try {
            attempt(draftId);
        } catch (RuntimeException e) {
            LOG.warnf("Publishing reply %s failed before it reached the publisher (retried within a second): %s", draftId, secrets.describe(e));
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        now.shutdown();
    }

    /**
     * Queues a holding reply sent under an administrator's standing approval, and tries it at once.
     * A complaint gets at most one; the message gets its own id, never its reply's.
     */
    public void hold(UUID complaintId, String text, String approvedBy) {
        UUID id = UUID.randomUUID();
        if (outbox.addHolding(id, complaintId, text, approvedBy, clock.instant())) {
            attempt(Purpose.HOLDING.store, id);
        }
    }

    private void attempt(Outbox.Store store, UUID messageId) {
        Instant claimedAt = clock.instant();
        Optional<Outbox.Claimed> claimed = outbox.claim(store, messageId, claimedAt, claimedAt.plus(config.publishing().lease()));
        if (claimed.isEmpty()) {
            return;
        }
        OutgoingReply reply = claimed.get().reply();
        Instant until = paused.get(reply.source());
        if (until != null && until.isAfter(claimedAt)) {
            // The platform asked us to slow down: wait with every message to it, not only the one that hit the limit.
            outbox.unclaim(store, messageId, until, null);
            return;
        }
        String externalId;
        try {
            externalId = publishers.forSource(reply.source()).publish(reply);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failed(store, reply, claimed.get().failures(), e);
            return;
        }
        Instant now = clock.instant();
        db.tx(conn -> {
            outbox.markSent(conn, store, messageId, now, externalId);
            if (reply.draftId() != null) {
                drafts.markSent(conn, reply.draftId());
            }
            if (reply.purpose() == Purpose.HOLDING) {
                audit.record(conn, reply.complaintId(), null, reply.purpose().sentAction(), reply.agent(), now,
                        "Out of hours, under the standing approval of " + reply.agent());
            } else {
                audit.record(conn, reply.complaintId(), reply.draftId(), reply.purpose().sentAction(), "ydmyk", now,
                        "Published, signed by " + reply.agent());
            }
            return null;
        });
        metrics.counter("ydmyk.replies.sent", "purpose", reply.purpose().key()).increment();
        if (reply.draftId() != null) {
            changes.fire(new DraftChanged(reply.draftId(), DraftChanged.Change.SENT, "ydmyk"));
        }
    }

    private void failed(Outbox.Store store, OutgoingReply reply, int failuresBefore, Exception e) {
        String reason = secrets.describe(e);
        int attempt = reply.attempts() + 1;
        metrics.counter("ydmyk.publish.failures").increment();
        if (e instanceof PublishLater later) {
            // Asked to wait (rate limit, paused token): not a failure, nothing given up.
            Instant next = clock.instant().plus(later.delay());
            paused.merge(reply.source(), next, (a, b) -> a.isAfter(b) ? a : b);
            LOG.warnf("Publishing %s message %s to complaint %s waits until %s: %s", reply.purpose().key(), reply.messageId(),
                    reply.complaintId(), next, reason);
            // The platform refused the call, so nothing went out: the next attempt need not reconcile first.
            outbox.unclaim(store, reply.messageId(), next, reason);
            return;
        }
        int failures = failuresBefore + 1;
        if (e instanceof CannotPublish || failures >= config.publishing().maxAttempts()) {
            String why = e instanceof CannotPublish ? reason : "Gave up after " + failures + " failed attempts: " + reason;
            LOG.warnf("Publishing %s message %s to complaint %s failed for good (attempt %d): %s", reply.purpose().key(),
                    reply.messageId(), reply.complaintId(), attempt, why);
            if (!outbox.markFailed(store, reply.messageId(), clock.instant(), why)) {
                return; // another attempt got it out meanwhile
            }
            metrics.counter("ydmyk.publish.given-up", "purpose", reply.purpose().key()).increment();
            passOn(new PublishingFailed(reply.messageId(), reply.purpose(), reply.complaintId(), reply.source(), attempt, why));
            return;
        }
        Instant next = clock.instant().plus(backoff(failures));
        LOG.warnf("Publishing %s message %s to complaint %s failed (attempt %d), next try at %s: %s", reply.purpose().key(),
                reply.messageId(), reply.complaintId(), attempt, next, reason);
        outbox.retryLater(store, reply.messageId(), next, reason, true);
    }

    private void passOn(PublishingFailed failure) {
        try {
            failures.fire(failure);
        } catch (RuntimeException e) {
            LOG.warnf("The failure of message %s could not be passed on: %s", failure.messageId(), secrets.describe(e));
        }
    }

    /** Retries messages of every purpose whose backoff has passed. */
    @BackgroundJob
    @Scheduled(every = "${ydmyk.publishing.retry-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        outbox.due(clock.instant(), 50).forEach(d -> attempt(d.store(), d.messageId()));
    }

    Duration backoff(int attempt) {
        return new Backoff(config.publishing().initialBackoff(), config.publishing().maxBackoff()).delay(attempt);
    }
}
