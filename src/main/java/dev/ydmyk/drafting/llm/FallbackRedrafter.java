package dev.ydmyk.drafting.llm;

import dev.ydmyk.approval.AuditTrail;
import dev.ydmyk.approval.DraftRepository;
import dev.ydmyk.approval.DraftStatus;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.Drafters;
import dev.ydmyk.drafting.DraftingWorker;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.storage.Database;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

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
            try (PreparedStatement ps = conn.prepareStatement("""
                    select id, complaint_id from draft where status = 'pending' and fallback_cause is not null
                    and fallback_cause not like 'guardrail%' order by created_at limit ? for update skip locked""")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID draft = rs.getObject(1, UUID.class);
                        UUID complaint = rs.getObject(2, UUID.class);
                        if (drafts.decide(conn, draft, DraftStatus.PENDING, DraftStatus.REDRAFT, "ydmyk", now,
                                "The model is back: redrafting")) {
                            complaints.requestDraft(conn, complaint, null);
                            audit.record(conn, complaint, draft, "redraft-requested", "ydmyk", now, "The model is back");
                            count++;
                        }
                    }
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
