package dev.ydmyk.drafting.llm;

import dev.ydmyk.audit.AuditTrail;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.Draft;
import dev.ydmyk.drafting.DraftRepository;
import dev.ydmyk.drafting.DraftStatus;
import dev.ydmyk.drafting.Drafters;
import dev.ydmyk.drafting.DraftingWorker;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.storage.Database;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * With {@code ydmyk.llm.redraft-fallbacks=true}: once the model answers again, pending drafts that
 * the guideline drafter wrote because the model was down, slow or rate-limited are redrafted by the
 * model. Drafts that fell back because the model's answers failed the guardrails are left alone.
 */
@ApplicationScoped
public class FallbackRedrafter {

    private static final Logger LOG = Logger.getLogger(FallbackRedrafter.class);

    private final Database db;
    private final DraftRepository drafts;
    private final ComplaintRepository complaints;
    private final AuditTrail audit;
    private final DraftingWorker worker;
    private final Drafters drafters;
    private final CircuitBreaker breaker;
    private final YdmykConfig config;
    private final Clock clock;

    public FallbackRedrafter(Database db, DraftRepository drafts, ComplaintRepository complaints, AuditTrail audit,
                             DraftingWorker worker, Drafters drafters, CircuitBreaker breaker, YdmykConfig config, Clock clock) {
        this.db = db;
        this.drafts = drafts;
        this.complaints = complaints;
        this.audit = audit;
        this.worker = worker;
        this.drafters = drafters;
        this.breaker = breaker;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${ydmyk.llm.redraft-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        if (drafters.usesModel() && config.llm().redraftFallbacks() && breaker.state() == CircuitBreaker.State.CLOSED) {
            redraftFallbacks(20);
        }
    }

    /** Requeues up to {@code limit} pending availability-fallback drafts; returns how many. */
    public int redraftFallbacks(int limit) {
        Instant now = clock.instant();
        int n = db.tx(conn -> {
            int count = 0;
            for (Draft draft : drafts.lockAvailabilityFallbacks(conn, limit)) {
                if (drafts.decide(conn, draft.id(), DraftStatus.PENDING, DraftStatus.REDRAFT, "ydmyk", now,
                        "The model is back: redrafting")) {
                    complaints.requestDraft(conn, draft.complaintId(), null);
                    audit.record(conn, draft.complaintId(), draft.id(), "redraft-requested", "ydmyk", now, "The model is back");
                    count++;
                }
            }
            return count;
        });
        if (n > 0) {
            LOG.infof("The model is back: redrafting %d fallback draft(s)", n);
            worker.wake();
        }
        return n;
    }
}
