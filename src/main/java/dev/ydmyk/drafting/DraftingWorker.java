package dev.ydmyk.drafting;

import dev.ydmyk.audit.AuditTrail;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.intake.Complaint;
import dev.ydmyk.intake.ComplaintReceived;
import dev.ydmyk.intake.ComplaintRepository.Claim;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.storage.Database;
import dev.ydmyk.tone.ToneCheck;
import dev.ydmyk.tone.ToneReport;
import dev.ydmyk.triage.Kind;
import dev.ydmyk.triage.Triage;
import dev.ydmyk.triage.Triager;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drafts every complaint that waits for one, off the request thread. Intake wakes it at once; an
 * idle worker also looks on its own every {@code ydmyk.drafting.sweep}, so complaints left over
 * by a crash or a restart are drafted too. Claims carry a lease and a token: a complaint is
 * drafted once, however many workers or instances share the database.
 */
@ApplicationScoped
public class DraftingWorker {

    private static final Logger LOG = Logger.getLogger(DraftingWorker.class);
    private static final int BATCH = 4;
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final ComplaintRepository complaints;
    private final DraftRepository drafts;
    private final AuditTrail audit;
    private final Database db;
    private final Triager triager;
    private final Drafters drafters;
    private final ReplyGuidelines guidelines;
    private final ToneCheck toneCheck;
    private final YdmykConfig config;
    private final Clock clock;
    private final Timer intakeToDraft;
    private final MeterRegistry metrics;
    private final Event<DraftChanged> changes;
    private final Event<FirstDraftQueued> firstDrafts;
    private final Instance<Storms> storms;
    private final Semaphore wake = new Semaphore(0);
    private ExecutorService pool;
    private volatile boolean running;

    public DraftingWorker(ComplaintRepository complaints, DraftRepository drafts, AuditTrail audit, Database db,
                          Triager triager, Drafters drafters, ReplyGuidelines guidelines, ToneCheck toneCheck,
                          YdmykConfig config, Clock clock, MeterRegistry metrics, Event<DraftChanged> changes,
                          Event<FirstDraftQueued> firstDrafts, Instance<Storms> storms) {
        this.complaints = complaints;
        this.drafts = drafts;
        this.audit = audit;
        this.db = db;
        this.triager = triager;
        this.drafters = drafters;
        this.guidelines = guidelines;
        this.toneCheck = toneCheck;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.changes = changes;
        this.firstDrafts = firstDrafts;
        this.storms = storms;
        this.intakeToDraft = Timer.builder("ydmyk.intake.to.draft")
                .description("Time from a complaint reaching us to its draft waiting for approval")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(metrics);
    }

    void start(@Observes StartupEvent ev) {
        running = true;
        int n = config.drafting().workers();
        if (n <= 0) {
            LOG.warn("ydmyk.drafting.workers=0: this instance takes complaints in but drafts none");
            pool = Executors.newSingleThreadExecutor();
            return;
        }
        AtomicInteger counter = new AtomicInteger();
        pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "drafting-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < n; i++) {
            pool.submit(this::loop);
        }
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        wake.release(100);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Tells the workers there is something new: called after intake has committed. */
    void onReceived(@Observes ComplaintReceived received) {
        wake();
    }

    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                int done = drainOnce();
                if (done == 0) {
                    wake.tryAcquire(config.drafting().sweep().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Drafting worker hit a problem; trying again shortly", e);
                    sleepQuietly();
                }
            }
        }
    }

    /** Claims and drafts one batch; returns how many complaints it took. Also used by tests and sweeps. */
    public int drainOnce() {
        Instant now = clock.instant();
        List<Claim> claims = complaints.claimWaiting(BATCH, now, now.plus(config.drafting().lease()));
        for (Claim claim : claims) {
            try {
                draft(claim);
            } catch (RuntimeException e) {
                if (!running) {
                    return claims.size(); // stopping: the lease runs out and the complaint is drafted after the restart
                }
                LOG.errorf(e, "Could not draft complaint %s; it will be tried again", claim.complaint().id());
                complaints.release(claim, clock.instant().plus(RETRY_AFTER_FAILURE));
            }
        }
        return claims.size();
    }

    /** How many earlier messages of a conversation a drafter is shown. */
    static final int CONVERSATION_TURNS = 6;

    private void draft(Claim claim) {
        Complaint c = claim.complaint();
        Triage triage = triager.triage(c.text(), c.languageHint());
        if (triage.kind() == Kind.SPAM) {
            db.tx(conn -> {
                if (complaints.finishDrafting(conn, claim, triage)) {
                    audit.record(conn, c.id(), null, "marked-spam", "ydmyk", clock.instant(), "No draft: triage read this as spam");
                }
                return null;
            });
            return;
        }
        String language = replyLanguage(triage.language());
        // A storm's member gets the incident's acknowledgement, composed without a model call; a redraft is personal.
        Optional<Storms.Acknowledgement> storm = claim.draftsSoFar() == 0 && c.reportBackNote() == null && storms.isResolvable()
                ? storms.get().place(c, triage, language) : Optional.empty();
        DraftRequest request = new DraftRequest(c, triage, language, c.redraftHint(), claim.draftsSoFar(),
                complaints.conversation(c, CONVERSATION_TURNS));
        // With the model, its own reading comes back with the draft; the safer of the two readings is kept.
        Drafters.Drafted drafted = storm.isPresent() ? new Drafters.Drafted(storm.get().text(), triage)
                : drafters.reconcile(drafters.active().draft(request), triage, request);
        DraftText text = drafted.text();
        Triage read = drafted.triage();
        ToneReport tone = toneCheck.check(text.text(), text.language(), c.text());
        Instant now = clock.instant();
        String purpose = storm.isPresent() ? Draft.ACKNOWLEDGEMENT : c.reportBackNote() == null ? Draft.REPLY : Draft.REPORT_BACK;
        Draft draft = new Draft(UUID.randomUUID(), c.id(), DraftStatus.PENDING, text.language(), text.text(),
                text.drafter(), c.redraftHint(), tone, now, null, null, text.note(), text.fallbackCause(), purpose,
                storm.map(Storms.Acknowledgement::incidentId).orElse(c.incidentId()));
        boolean stored = db.tx(conn -> {
            if (!complaints.finishDrafting(conn, claim, read)) {
                return false;
            }
            if (storm.isEmpty() && drafts.hasPending(conn, c.id(), Draft.ACKNOWLEDGEMENT)) {
                return false; // an incident formed around it meanwhile and acknowledged it
            }
            if (storm.isPresent()) {
                if (!drafts.insertAcknowledgement(conn, draft)) {
                    return false; // the incident's formation acknowledged it first
                }
            } else {
                drafts.insert(conn, draft);
            }
            audit.record(conn, c.id(), draft.id(), "drafted", text.drafter(), now,
                    c.redraftHint() == null ? null : "Redraft with hint: " + c.redraftHint());
            return true;
        });
        if (stored) {
            intakeToDraft.record(Duration.between(c.receivedAt(), now));
            metrics.counter("ydmyk.drafts", "drafter", text.fallbackCause() == null ? text.drafter() : text.drafter() + "-fallback")
                    .increment();
            changes.fire(new DraftChanged(draft.id(), DraftChanged.Change.CREATED, text.drafter()));
            if (claim.draftsSoFar() == 0) {
                firstDrafts.fire(new FirstDraftQueued(c, read.kind(), text.language()));
            }
        } else {
            LOG.infof("Complaint %s was taken over by another worker; dropping this draft", c.id());
        }
    }

    private String replyLanguage(String detected) {
        String language = triager.replyLanguageOf(detected);
        if (guidelines.has(language)) {
            return language;
        }
        String fallback = triager.replyLanguageOf(config.triage().defaultLanguage());
        return guidelines.has(fallback) ? fallback : "en";
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
