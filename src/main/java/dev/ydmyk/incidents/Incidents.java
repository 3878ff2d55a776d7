package dev.ydmyk.incidents;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.approval.ApprovalService;
import dev.ydmyk.audit.AuditTrail;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.Draft;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.drafting.DraftRepository;
import dev.ydmyk.drafting.DraftStatus;
import dev.ydmyk.drafting.DraftText;
import dev.ydmyk.drafting.Drafters;
import dev.ydmyk.drafting.GuidelineDrafter;
import dev.ydmyk.drafting.StatementRequest;
import dev.ydmyk.drafting.Storms;
import dev.ydmyk.intake.Complaint;
import dev.ydmyk.intake.ComplaintReceived;
import dev.ydmyk.intake.ComplaintsErased;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.notices.Notice;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.storage.BackgroundJob;
import dev.ydmyk.storage.Database;
import dev.ydmyk.tone.ToneCheck;
import dev.ydmyk.triage.Kind;
import dev.ydmyk.triage.Severity;
import dev.ydmyk.triage.TopicCatalog;
import dev.ydmyk.triage.Triage;
import dev.ydmyk.triage.Triager;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Storms as one capability: complaints about one thing are grouped into an incident as they arrive
 * ({@link StormWatch}); the incident gets one public statement per language, every member a personal
 * acknowledgement composed from the incident's wording (no model call per complaint), approved in
 * bulk by one agent with the cases that need a person held back; when it is resolved, an update to
 * the statement and a report-back to every member. All of it travels the ordinary drafts, approval
 * and the one publishing pipeline. With {@code ydmyk.drafter=llm} the model writes the statements
 * and their updates, one call per language, off the detector's lock and outside any transaction.
 */
@ApplicationScoped
public class Incidents implements Storms {

    private static final Logger LOG = Logger.getLogger(Incidents.class);
    private static final int[] MILESTONES = {100, 1_000, 10_000};
    /** How many members' posts the model sees when it writes a statement. */
    private static final int SAMPLE_POSTS = 3;
    static final String DRAFTER = "incident";

    /** What a bulk decision did. */
    public record BulkResult(int approved, int held) {
    }

    private final Database db;
    private final IncidentRepository incidents;
    private final ComplaintRepository complaints;
    private final DraftRepository drafts;
    private final AuditTrail audit;
    private final ToneCheck toneCheck;
    private final Triager triager;
    private final TopicCatalog topics;
    private final IncidentWording wording;
    private final Drafters drafters;
    private final ApprovalService approvals;
    private final Credentials credentials;
    private final YdmykConfig config;
    private final Clock clock;
    private final Event<IncidentChanged> changes;
    private final Event<DraftChanged> draftChanges;
    private final Event<Notice> notices;
    /** The detector; guarded by {@code this}, replaced whole when it starts afresh ({@link #reload()}). */
    private StormWatch watch;
    /** The placements this instance's detector has read (its own and the other instances'); guarded by {@code this}. */
    private long placementsRead;
    private final Set<UUID> grown = ConcurrentHashMap.newKeySet();
    /** Statements the model is writing ("incident:language"): a language is asked for once, however many members join meanwhile. */
    private final Set<String> writing = ConcurrentHashMap.newKeySet();
    /** Where the model writes statements: a call takes seconds, and neither the detector nor a transaction waits for it. */
    private final ExecutorService writers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "ydmyk-statement-writer");
        t.setDaemon(true);
        return t;
    });
    /** The PostgreSQL advisory lock every instance's detector takes to place a complaint. */
    private static final long DETECTOR_LOCK = 0x79646d796b01L;
    /** Places arrivals in order, one at a time (the detector is one ordered stream); bounded, the workers catch up. */
    private final ExecutorService early = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(50_000), r -> {
        Thread t = new Thread(r, "ydmyk-storm-watch");
        t.setDaemon(true);
        return t;
    });

    public Incidents(Database db, IncidentRepository incidents, ComplaintRepository complaints, DraftRepository drafts, AuditTrail audit,
                     ToneCheck toneCheck, Triager triager, TopicCatalog topics, IncidentWording wording, Drafters drafters,
                     ApprovalService approvals, Credentials credentials,
                     YdmykConfig config, Clock clock, Event<IncidentChanged> changes, Event<DraftChanged> draftChanges,
                     Event<Notice> notices) {
        this.db = db;
        this.incidents = incidents;
        this.complaints = complaints;
        this.drafts = drafts;
        this.audit = audit;
        this.toneCheck = toneCheck;
        this.triager = triager;
        this.topics = topics;
        this.wording = wording;
        this.drafters = drafters;
        this.approvals = approvals;
        this.credentials = credentials;
        this.config = config;
        this.clock = clock;
        this.changes = changes;
        this.draftChanges = draftChanges;
        this.notices = notices;
        this.watch = newWatch();
    }

    private StormWatch newWatch() {
        YdmykConfig.Incidents c = config.incidents();
        return new StormWatch(new StormWatch.Settings(c.minSize(), c.window(), c.joinThreshold(), c.linkThreshold()));
    }

    /** The detector starts where the last run stopped: open incidents and the recent complaints outside them. */
    void rebuild(@Observes StartupEvent ev) {
        if (!config.incidents().enabled()) {
            return;
        }
        synchronized (this) {
            load();
        }
        if (drafters.usesModel()) {
            // A statement the model was writing when the service stopped is asked for again.
            List<StatementRequest> toWrite = new ArrayList<>();
            synchronized (this) {
                for (Incident i : db.read(incidents::open)) {
                    Set<String> languages = new LinkedHashSet<>();
                    incidents.members(i.id(), 0, 500).forEach(m -> languages.add(replyLanguage(m.language())));
                    db.tx(conn -> {
                        statementsFor(conn, i.id(), languages, new ArrayList<>(), toWrite);
                        return null;
                    });
                }
            }
            write(toWrite);
        }
    }

    /**
     * Starts the detector afresh from the database. After an erasure nothing of an erased post's words may
     * stay in its memory, and complaints removed behind its back (an operator's clean-up) must not go on
     * shaping what joins.
     */
    public void reload() {
        if (!config.incidents().enabled()) {
            return;
        }
        synchronized (this) {
            watch = newWatch();
            load();
        }
    }

    void onErased(@Observes ComplaintsErased erased) {
        boolean known;
        synchronized (this) {
            known = erased.complaintIds().stream().anyMatch(watch::seen);
        }
        if (known) {
            reload();
        }
    }

    /** Reads the open incidents, the topics' usual rates and the recent complaints outside incidents into the detector; holds {@code this}. */
    private void load() {
        placementsRead = incidents.lastPlacement(); // what came before is read back below
        List<Incident> open = db.read(incidents::open);
        for (Incident i : open) {
            List<StormWatch.Post> members = incidents.members(i.id(), Math.max(0, i.size() - 500), 500).stream()
                    .filter(m -> !m.erased()).map(this::post).toList();
            watch.placed(i.id(), members);
        }
        Instant now = clock.instant();
        incidents.arrivals(now.minus(StormWatch.BASELINE), StormWatch.TOPIC_HISTORY).stream()
                .filter(a -> a.at().isBefore(now.minus(config.incidents().window())))
                .forEach(a -> watch.arrived(topics.groupsOf(a.topics()), a.at()));
        incidents.loose(now.minus(config.incidents().window()), 5_000).forEach(m -> watch.rememberLoose(post(m)));
        if (!open.isEmpty()) {
            LOG.infof("%d open incident(s) taken up again", open.size());
        }
    }

    /**
     * Every arrival is placed at once, on its own thread, before any drafting: a storm is seen while
     * the drafting workers are still busy (with a model, two seconds a draft), and its members then
     * get their acknowledgement without a model call. The worker asks again; placing is idempotent.
     */
    void onReceived(@Observes ComplaintReceived received) {
        if (!config.incidents().enabled()) {
            return;
        }
        try {
            early.execute(() -> placeEarly(received.complaintId()));
        } catch (RejectedExecutionException full) {
            LOG.debugf("Complaint %s is placed by its drafting worker (the early queue is full)", received.complaintId());
        }
    }

    @BackgroundJob
    void placeEarly(UUID complaintId) {
        try {
            complaints.find(complaintId).ifPresent(c -> {
                Triage t = triager.triage(c.text(), c.languageHint());
                place(c, t, replyLanguage(t.language()));
            });
        } catch (RuntimeException e) {
            LOG.warnf("Complaint %s could not be placed on arrival (its drafting worker tries again): %s", complaintId, e.toString());
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        early.shutdown();
        writers.shutdown();
    }

    @Override
    public Optional<Acknowledgement> place(Complaint c, Triage t, String language) {
        // Only complaints are members: praise, questions and spam get their own answer, even in a storm.
        if (!config.incidents().enabled() || t.kind() != Kind.COMPLAINT) {
            return Optional.empty();
        }
        List<IncidentChanged> fired = new ArrayList<>();
        List<StatementRequest> toWrite = new ArrayList<>();
        Optional<UUID> placed;
        synchronized (this) {
            // One detector across all instances: placing is one ordered stream, and each instance first reads what the others placed.
            placed = db.exclusively(DETECTOR_LOCK, () -> {
                catchUp();
                return decide(c, t, language, fired, toWrite);
            });
        }
        if (placed.isEmpty()) {
            return Optional.empty();
        }
        UUID incidentId = placed.get();
        fired.forEach(this::announce);
        write(toWrite);
        Optional<Incident> incident = incidents.find(incidentId);
        if (incident.isEmpty() || !incident.get().open()) {
            return Optional.empty();
        }
        return Optional.of(new Acknowledgement(incidentId, acknowledgement(incident.get(), c, t, language)));
    }

    /** Where the complaint belongs (empty: in no incident); the caller holds the detector's lock. */
    private Optional<UUID> decide(Complaint c, Triage t, String language, List<IncidentChanged> fired, List<StatementRequest> toWrite) {
        UUID known = c.incidentId() != null ? c.incidentId()
                : watch.seen(c.id()) ? db.read(conn -> incidents.member(conn, c.id())).map(IncidentRepository.Member::incidentId).orElse(null)
                : null;
        if (known != null) {
            return Optional.of(known);
        }
        if (watch.seen(c.id())) {
            return Optional.empty(); // placed before, in no incident
        }
        StormWatch.Post post = post(c, t);
        StormWatch.Verdict verdict = watch.offer(post);
        while (verdict instanceof StormWatch.Joins joins && !joined(joins.incidentId(), c.id(), language, toWrite)) {
            // Resolved or removed behind the detector's back (another instance, an operator): start afresh.
            watch.closed(joins.incidentId());
            verdict = watch.offer(post);
        }
        Optional<UUID> placed = Optional.empty();
        if (verdict instanceof StormWatch.Joins joins) {
            placed = Optional.of(joins.incidentId());
            fired.add(new IncidentChanged(joins.incidentId(), IncidentChanged.Change.GREW, 0));
        } else if (verdict instanceof StormWatch.Forms forms) {
            placed = Optional.of(form(forms.members(), c, fired, toWrite));
        }
        placementsRead = db.tx(conn -> incidents.placed(conn, c.id(), post.language(), post.topics()));
        return placed;
    }

    /**
     * Reads what the other instances' detectors placed since this one last looked: their complaints
     * become known here (loose, or in the incident they are in now), so every instance sees the whole storm.
     */
    private void catchUp() {
        List<IncidentRepository.Placement> placements;
        do {
            placements = incidents.placementsAfter(placementsRead, 1_000);
            for (IncidentRepository.Placement p : placements) {
                placementsRead = p.seq();
                IncidentRepository.Member m = p.member();
                if (m.erased()) {
                    continue;
                }
                if (m.incidentId() != null) {
                    watch.placed(m.incidentId(), List.of(post(m))); // moves it out of the loose pool if it was there
                } else if (!watch.seen(m.id())) {
                    watch.rememberLoose(post(m));
                }
            }
        } while (placements.size() == 1_000);
    }

    /** Makes the complaint a member of the open incident; false if the incident is no longer open. */
    private boolean joined(UUID incidentId, UUID complaintId, String language, List<StatementRequest> toWrite) {
        return db.tx(conn -> {
            Optional<Incident> i = incidents.lock(conn, incidentId);
            if (i.isEmpty() || !i.get().open()) {
                return false;
            }
            incidents.join(conn, incidentId, complaintId);
            statementsFor(conn, incidentId, Set.of(language), new ArrayList<>(), toWrite);
            return true;
        });
    }

    /**
     * An incident forms from these posts (the current complaint last), or they join the open incident
     * about the same topic. Earlier members' pending replies are replaced by acknowledgements; those
     * already answered keep their answer. One statement per language is queued.
     */
    private UUID form(List<StormWatch.Post> posts, Complaint current, List<IncidentChanged> fired, List<StatementRequest> toWrite) {
        Instant now = clock.instant();
        Optional<UUID> existing = watch.sameTopic(posts);
        if (existing.isPresent() && !incidents.find(existing.get()).map(Incident::open).orElse(false)) {
            watch.closed(existing.get());
            existing = Optional.empty();
        }
        boolean forms = existing.isEmpty();
        UUID incidentId = existing.orElseGet(UUID::randomUUID);
        watch.placed(incidentId, posts);
        List<StormWatch.Post> all = new ArrayList<>(posts);
        all.addAll(watch.sweep(incidentId));
        List<UUID> created = new ArrayList<>();
        List<UUID> withdrawn = new ArrayList<>();
        db.tx(conn -> {
            if (forms) {
                List<String> topics = topics(all);
                // first_at and last_at follow the members as they join.
                incidents.create(conn, new Incident(incidentId, Incident.OPEN, title(incidentId, topics), topics, thread(all), now,
                        now, current.receivedAt(), 0, 0, null, null, null, null, null));
            }
            Incident incident = incidents.lock(conn, incidentId).orElseThrow();
            Set<String> languages = new LinkedHashSet<>();
            for (StormWatch.Post p : all) {
                if (!incidents.join(conn, incidentId, p.id())) {
                    continue;
                }
                languages.add(replyLanguage(p.language()));
                if (p.id().equals(current.id())) {
                    continue; // its worker drafts its acknowledgement
                }
                incidents.placed(conn, p.id(), p.language(), p.topics()); // the other instances' detectors move it too
                IncidentRepository.Member m = incidents.member(conn, p.id()).orElseThrow();
                withdrawn.addAll(incidents.supersedePending(conn, p.id(), "Part of incident \"" + incident.title()
                        + "\": answered with the incident's acknowledgement", now));
                if (!incidents.answered(conn, p.id())) {
                    insertAcknowledgement(conn, incident, m, now).ifPresent(created::add);
                }
            }
            statementsFor(conn, incidentId, languages, created, toWrite);
            audit.record(conn, anchor(conn, incidentId), null, forms ? "incident-formed" : "incident-grew", "ydmyk", now,
                    (forms ? "Incident formed: " : "Joined incident: ") + incident.title() + " (" + all.size() + " complaints)");
            return null;
        });
        withdrawn.forEach(id -> draftChanges.fire(new DraftChanged(id, DraftChanged.Change.WITHDRAWN, "ydmyk")));
        created.forEach(id -> draftChanges.fire(new DraftChanged(id, DraftChanged.Change.CREATED, DRAFTER)));
        fired.add(new IncidentChanged(incidentId, forms ? IncidentChanged.Change.FORMED : IncidentChanged.Change.GREW, all.size()));
        LOG.infof("Incident %s %s with %d complaints", incidentId, forms ? "formed" : "grew", all.size());
        return incidentId;
    }

    /**
     * A statement for each of these languages that has none yet: composed and inserted at once (its id
     * added to {@code created}), or, with the model, added to {@code toWrite}, for {@link #write} after
     * the commit.
     */
    private void statementsFor(Connection conn, UUID incidentId, Set<String> languages, List<UUID> created,
                               List<StatementRequest> toWrite) throws SQLException {
        Set<String> have = new HashSet<>();
        for (IncidentRepository.Statement s : incidents.statements(conn, incidentId)) {
            if (s.live()) {
                have.add(s.language());
            }
        }
        Incident incident = incidents.lock(conn, incidentId).orElseThrow();
        Instant now = clock.instant();
        for (String language : languages) {
            String lang = wording.language(language);
            if (!incident.open() || !have.add(lang) || writing.contains(incidentId + ":" + lang)) {
                continue;
            }
            StatementRequest request = statementRequest(conn, incident, lang, null, now);
            if (drafters.usesModel()) {
                writing.add(incidentId + ":" + lang);
                toWrite.add(request);
            } else {
                created.add(insertDraft(conn, incident, anchor(conn, incidentId), request.composed(), Draft.STATEMENT, null, now));
            }
        }
    }

    /** What a drafter needs for the statement (or, with a note, its update) in one language, the composed wording included. */
    private StatementRequest statementRequest(Connection conn, Incident incident, String language, String note, Instant now)
            throws SQLException {
        String topic = incident.topics().isEmpty() ? "general" : incident.topics().get(0);
        String composed = note == null
                ? wording.statement(language, topic, incident.firstAt(), now.plus(config.incidents().updateEvery()), incident.id())
                : wording.update(language, topic, note, incident.id());
        // A few members' posts in the statement's language (any, if none is), so the model names the problem as they do.
        List<IncidentRepository.Member> some = incidents.members(conn, incident.id(), 0, 50);
        List<String> posts = some.stream().filter(m -> wording.language(replyLanguage(m.language())).equals(language))
                .map(IncidentRepository.Member::text).limit(SAMPLE_POSTS).toList();
        if (posts.isEmpty()) {
            posts = some.stream().map(IncidentRepository.Member::text).limit(SAMPLE_POSTS).toList();
        }
        return new StatementRequest(incident.id(), language, incident.title(), incident.topics(), wording.topicWords(language, topic),
                wording.time(incident.firstAt()), note == null ? wording.time(now.plus(config.incidents().updateEvery())) : null,
                note, wording.signature(language), posts, new DraftText(composed, language, DRAFTER));
    }

    /** Hands the statements to the model, each on a writer thread: one call per language. */
    private void write(List<StatementRequest> requests) {
        for (StatementRequest r : requests) {
            try {
                writers.execute(() -> writeStatement(r));
            } catch (RejectedExecutionException stopping) {
                writing.remove(r.incidentId() + ":" + r.language()); // asked for again on the next start
            }
        }
    }

    /**
     * The model's statement (or the composed wording it fell back on, marked with why) joins the
     * queue, unless a statement in its language came first or the incident was resolved meanwhile
     * (the update covers it). The update at resolution always joins.
     */
    @BackgroundJob
    void writeStatement(StatementRequest r) {
        try {
            DraftText text = drafters.statement(r);
            Instant now = clock.instant();
            Optional<UUID> created = db.tx(conn -> {
                Incident incident = incidents.lock(conn, r.incidentId()).orElse(null);
                if (incident == null) {
                    return Optional.<UUID>empty();
                }
                if (!r.update() && (!incident.open() || incidents.statements(conn, r.incidentId()).stream()
                        .anyMatch(s -> s.language().equals(r.language()) && s.live()))) {
                    return Optional.<UUID>empty();
                }
                return Optional.of(insertDraft(conn, incident, anchor(conn, r.incidentId()), text, Draft.STATEMENT, null, now));
            });
            created.ifPresent(id -> draftChanges.fire(new DraftChanged(id, DraftChanged.Change.CREATED, text.drafter())));
        } catch (RuntimeException e) {
            LOG.errorf(e, "The %s statement of incident %s could not be stored", r.language(), r.incidentId());
        } finally {
            writing.remove(r.incidentId() + ":" + r.language());
        }
    }

    private UUID anchor(Connection conn, UUID incidentId) throws SQLException {
        return incidents.members(conn, incidentId, 0, 1).get(0).id();
    }

    /** The member's acknowledgement, unless its own drafting worker wrote it first. */
    private Optional<UUID> insertAcknowledgement(Connection conn, Incident incident, IncidentRepository.Member m, Instant now)
            throws SQLException {
        Triage t = triager.triage(m.text(), m.language());
        String language = replyLanguage(t.language());
        Complaint c = complaints.find(conn, m.id()).orElseThrow();
        DraftText text = acknowledgement(conn, incident, c, t, language);
        Draft d = new Draft(UUID.randomUUID(), m.id(), DraftStatus.PENDING, text.language(), text.text(), DRAFTER, null,
                toneCheck.check(text.text(), text.language(), m.text()), now, null, null, null, null, Draft.ACKNOWLEDGEMENT, incident.id());
        if (!drafts.insertAcknowledgement(conn, d)) {
            return Optional.empty();
        }
        audit.record(conn, m.id(), d.id(), "drafted", DRAFTER, now, "acknowledgement for incident \"" + incident.title() + "\"");
        return Optional.of(d.id());
    }

    private UUID insertDraft(Connection conn, Incident incident, UUID complaintId, DraftText text, String purpose,
                             String complaintText, Instant now) throws SQLException {
        Draft d = new Draft(UUID.randomUUID(), complaintId, DraftStatus.PENDING, text.language(), text.text(), text.drafter(), null,
                toneCheck.check(text.text(), text.language(), complaintText), now, null, null, null, text.fallbackCause(), purpose,
                incident.id());
        drafts.insert(conn, d);
        audit.record(conn, complaintId, d.id(), "drafted", text.drafter(), now, purpose + " for incident \"" + incident.title() + "\""
                + (text.fallbackCause() == null ? "" : " (the model could not: " + text.fallbackCause() + ")"));
        return d.id();
    }

    private DraftText acknowledgement(Incident incident, Complaint c, Triage t, String language) {
        return db.read(conn -> acknowledgement(conn, incident, c, t, language));
    }

    private DraftText acknowledgement(Connection conn, Incident incident, Complaint c, Triage t, String language) throws SQLException {
        String lang = wording.language(language);
        String url = null;
        for (IncidentRepository.Statement s : incidents.statements(conn, incident.id())) {
            if (s.externalId() != null && s.language().equals(lang)) {
                url = statementUrl(s.externalId());
            }
        }
        String topic = t.topics().stream().filter(incident.topics()::contains).findFirst()
                .orElse(incident.topics().isEmpty() ? "general" : incident.topics().get(0));
        String text = wording.acknowledgement(lang, c.firstName(), GuidelineDrafter.detail(t, c.firstName()), topic, url,
                t.severity() == Severity.CRITICAL, c.id());
        return new DraftText(text, lang, DRAFTER);
    }

    /** Where people read a statement published on Facebook (its post id); other sources give no address. */
    static String statementUrl(String externalId) {
        return externalId != null && externalId.matches("[0-9]+(_[0-9]+)?") ? "https://www.facebook.com/" + externalId : null;
    }

    // ---- agents' decisions ----

    /**
     * One agent approves every pending draft of one purpose in the incident, except those listed and
     * those that need a person (held). With {@code continueAfter}, later members' acknowledgements are
     * approved on arrival under this agent's standing decision.
     */
    public BulkResult approve(UUID incidentId, Agent agent, String purpose, List<UUID> except, boolean continueAfter) {
        if (purpose == null || !(purpose.equals(Draft.ACKNOWLEDGEMENT) || purpose.equals(Draft.REPORT_BACK))) {
            throw Problem.invalid("purpose", "purpose must be \"acknowledgement\" or \"report-back\" (approve a statement on its own)");
        }
        if (except != null && except.stream().anyMatch(Objects::isNull)) {
            throw Problem.invalid("except", "except must list draft ids");
        }
        Incident incident = incidents.find(incidentId).orElseThrow(() -> Problem.notFound("incident", incidentId));
        if (continueAfter && !incident.open()) {
            throw Problem.conflict("This incident is resolved: there are no later members to approve on arrival");
        }
        if (continueAfter && !purpose.equals(Draft.ACKNOWLEDGEMENT)) {
            throw Problem.invalid("continue", "continue applies to acknowledgements only");
        }
        Set<UUID> skip = except == null ? Set.of() : Set.copyOf(except);
        List<IncidentRepository.Pending> pending = incidents.pending(incidentId, purpose);
        List<UUID> approvable = pending.stream().filter(p -> p.held() == null && !skip.contains(p.draftId()))
                .map(IncidentRepository.Pending::draftId).toList();
        int held = (int) pending.stream().filter(p -> p.held() != null).count();
        String decision = "Approved in bulk for incident \"" + incident.title() + "\" by " + agent.name();
        List<UUID> approved = approvals.approveAll(approvable, agent, decision);
        Instant now = clock.instant();
        db.tx(conn -> {
            incidents.lock(conn, incidentId);
            if (continueAfter) {
                incidents.standingApproval(conn, incidentId, agent.login(), now);
            }
            audit.record(conn, anchor(conn, incidentId), null, "incident-bulk-approved", agent.login(), now,
                    approved.size() + " " + purpose + "(s) approved, " + held + " held for a person, " + skip.size() + " excepted"
                            + (continueAfter ? "; later members approved on arrival" : ""));
            return null;
        });
        changes.fire(new IncidentChanged(incidentId, IncidentChanged.Change.DECIDED, incident.size()));
        return new BulkResult(approved.size(), held);
    }

    /**
     * Two incidents that are one storm (the detector split it, told in other words): the first's members,
     * with their acknowledgements and report-backs, join the second, whose statement then speaks for all
     * (one is drafted for a language it lacks); the first's pending statements are withdrawn, a statement
     * already published stays where it is, and the first stays on record as merged. Its standing approval
     * ends: the second's decides.
     */
    public Incident merge(UUID fromId, UUID intoId, Agent agent) {
        if (intoId == null) {
            throw Problem.invalid("into", "into is required: the id of the open incident to merge this one into");
        }
        if (fromId.equals(intoId)) {
            throw Problem.invalid("into", "into must be another incident than this one");
        }
        Instant now = clock.instant();
        List<UUID> withdrawn = new ArrayList<>();
        List<UUID> created = new ArrayList<>();
        List<StatementRequest> toWrite = new ArrayList<>();
        Incident merged;
        synchronized (this) {
            merged = db.tx(conn -> {
                // Locked in one order, so two agents merging the same pair the other way round wait, not deadlock.
                boolean fromFirst = fromId.compareTo(intoId) < 0;
                Optional<Incident> first = incidents.lock(conn, fromFirst ? fromId : intoId);
                Optional<Incident> second = incidents.lock(conn, fromFirst ? intoId : fromId);
                Incident from = (fromFirst ? first : second).orElseThrow(() -> Problem.notFound("incident", fromId));
                Incident into = (fromFirst ? second : first).orElseThrow(() -> Problem.notFound("incident", intoId));
                for (Incident i : List.of(from, into)) {
                    if (!i.open()) {
                        throw Problem.conflict("Only open incidents can be merged: \"" + i.title() + "\" is " + i.status()
                                + (i.resolvedBy() == null ? "" : " (by " + i.resolvedBy() + ")"));
                    }
                }
                Set<String> languages = new LinkedHashSet<>();
                for (IncidentRepository.Statement st : incidents.statements(conn, fromId)) {
                    if (st.live()) {
                        languages.add(st.language());
                    }
                }
                withdrawn.addAll(incidents.withdrawPending(conn, fromId, Draft.STATEMENT, "Merged into \"" + into.title() + "\" by "
                        + agent.login() + ": its statement speaks for all", now));
                int moved = incidents.merge(conn, fromId, intoId, agent.login(), now);
                statementsFor(conn, intoId, languages, created, toWrite);
                audit.record(conn, anchor(conn, intoId), null, "incidents-merged", agent.login(), now,
                        "\"" + from.title() + "\" (" + moved + " complaints) merged into \"" + into.title() + "\"");
                return incidents.lock(conn, intoId).orElseThrow();
            });
            watch.merged(fromId, intoId);
        }
        withdrawn.forEach(id -> draftChanges.fire(new DraftChanged(id, DraftChanged.Change.WITHDRAWN, agent.login())));
        created.forEach(id -> draftChanges.fire(new DraftChanged(id, DraftChanged.Change.CREATED, DRAFTER)));
        write(toWrite);
        changes.fire(new IncidentChanged(fromId, IncidentChanged.Change.MERGED, 0));
        changes.fire(new IncidentChanged(intoId, IncidentChanged.Change.GREW, merged.size()));
        return merged;
    }

    /** Ends an agent's standing decision: later members' acknowledgements wait for a person again. */
    public Incident stopAuto(UUID incidentId, Agent agent) {
        Instant now = clock.instant();
        Incident result = db.tx(conn -> {
            Incident i = incidents.lock(conn, incidentId).orElseThrow(() -> Problem.notFound("incident", incidentId));
            if (i.autoApproveBy() == null) {
                throw Problem.conflict("Nothing to stop: later acknowledgements of this incident are not approved on arrival");
            }
            incidents.standingApproval(conn, incidentId, null, null);
            audit.record(conn, anchor(conn, incidentId), null, "incident-auto-stopped", agent.login(), now,
                    "Standing approval of " + i.autoApproveBy() + " ended");
            return incidents.lock(conn, incidentId).orElseThrow();
        });
        changes.fire(new IncidentChanged(incidentId, IncidentChanged.Change.DECIDED, result.size()));
        return result;
    }

    /**
     * Closes the incident: what was done goes into an update of the statement (per language) and a
     * personal report-back to every member; acknowledgements never approved are withdrawn (the
     * report-back answers them), so are statements never approved (the update replaces them), and the
     * follow-ups the acknowledgements opened are closed.
     */
    public Incident resolve(UUID incidentId, Agent agent, String note) {
        if (note == null || note.isBlank() || note.length() > 2_000) {
            throw Problem.invalid("note", "note is required: what was done, in a few words (at most 2000 characters)");
        }
        String done = note.strip();
        Instant now = clock.instant();
        List<UUID> created = new ArrayList<>();
        List<UUID> withdrawn = new ArrayList<>();
        List<StatementRequest> toWrite = new ArrayList<>();
        Incident resolved;
        synchronized (this) {
            resolved = db.tx(conn -> {
                Incident i = incidents.lock(conn, incidentId).orElseThrow(() -> Problem.notFound("incident", incidentId));
                if (!i.open()) {
                    throw Problem.conflict(Incident.MERGED.equals(i.status())
                            ? "This incident was merged into " + i.mergedInto() + " (by " + i.resolvedBy() + "): resolve that one"
                            : "This incident is already resolved (by " + i.resolvedBy() + " at " + i.resolvedAt() + ")");
                }
                incidents.resolve(conn, incidentId, agent.login(), done, now);
                withdrawn.addAll(incidents.withdrawPending(conn, incidentId, Draft.ACKNOWLEDGEMENT,
                        "The incident was resolved: the report-back answers this customer", now));
                // A statement never approved would promise an update that the resolution's own update replaces.
                withdrawn.addAll(incidents.withdrawPending(conn, incidentId, Draft.STATEMENT,
                        "The incident was resolved before this statement was approved: its update speaks for it", now));
                int closed = incidents.closeFollowUps(conn, incidentId, agent.login(), done, now);
                String topic = i.topics().isEmpty() ? "general" : i.topics().get(0);
                Set<String> languages = new LinkedHashSet<>();
                for (IncidentRepository.Statement s : incidents.statements(conn, incidentId)) {
                    languages.add(s.language());
                }
                UUID anchor = anchor(conn, incidentId);
                for (String language : languages) {
                    StatementRequest update = statementRequest(conn, i, language, done, now);
                    if (drafters.usesModel()) {
                        toWrite.add(update);
                    } else {
                        created.add(insertDraft(conn, i, anchor, update.composed(), Draft.STATEMENT, null, now));
                    }
                }
                int offset = 0;
                List<IncidentRepository.Member> page;
                do {
                    page = incidents.members(conn, incidentId, offset, 500);
                    for (IncidentRepository.Member m : page) {
                        if (m.erased()) {
                            continue; // the customer's data was erased at their request: nothing more is sent to them
                        }
                        Complaint c = complaints.find(conn, m.id()).orElseThrow();
                        String language = wording.language(replyLanguage(m.language()));
                        String text = wording.reportBack(language, c.firstName(), topic, done, m.id());
                        created.add(insertDraft(conn, i, m.id(), new DraftText(text, language, DRAFTER), Draft.REPORT_BACK, m.text(), now));
                    }
                    offset += page.size();
                } while (page.size() == 500);
                audit.record(conn, anchor, null, "incident-resolved", agent.login(), now,
                        done + " (" + offset + " report-backs drafted, " + closed + " follow-ups closed)");
                return incidents.lock(conn, incidentId).orElseThrow();
            });
            watch.closed(incidentId);
        }
        withdrawn.forEach(id -> draftChanges.fire(new DraftChanged(id, DraftChanged.Change.WITHDRAWN, "ydmyk")));
        created.forEach(id -> draftChanges.fire(new DraftChanged(id, DraftChanged.Change.CREATED, DRAFTER)));
        write(toWrite);
        changes.fire(new IncidentChanged(incidentId, IncidentChanged.Change.RESOLVED, resolved.size()));
        return resolved;
    }

    /** A complaint that does not belong: it leaves the incident and gets its ordinary draft. */
    public void detach(UUID incidentId, UUID complaintId, Agent agent) {
        if (complaintId == null) {
            throw Problem.invalid("complaintId", "complaintId is required");
        }
        Instant now = clock.instant();
        List<UUID> withdrawn = new ArrayList<>();
        synchronized (this) {
            db.tx(conn -> {
                incidents.lock(conn, incidentId).orElseThrow(() -> Problem.notFound("incident", incidentId));
                if (!incidents.leave(conn, incidentId, complaintId)) {
                    throw Problem.conflict("Complaint " + complaintId + " is not a member of this incident");
                }
                withdrawn.addAll(incidents.supersedePending(conn, complaintId, "Detached from the incident by " + agent.login(), now));
                complaints.requestDraft(conn, complaintId, null);
                audit.record(conn, complaintId, null, "incident-detached", agent.login(), now, "Taken out of incident " + incidentId);
                return null;
            });
        }
        withdrawn.forEach(id -> draftChanges.fire(new DraftChanged(id, DraftChanged.Change.WITHDRAWN, agent.login())));
        changes.fire(new IncidentChanged(incidentId, IncidentChanged.Change.DECIDED, 0));
    }

    /** Under a standing decision, a new member's acknowledgement is approved on arrival, unless it needs a person. */
    void onCreated(@Observes DraftChanged change) {
        if (change.change() != DraftChanged.Change.CREATED) {
            return;
        }
        Optional<Draft> draft = drafts.find(change.draftId());
        if (draft.isEmpty() || draft.get().incidentId() == null || !Draft.ACKNOWLEDGEMENT.equals(draft.get().purpose())) {
            return;
        }
        Optional<Incident> incident = incidents.find(draft.get().incidentId());
        if (incident.isEmpty() || !incident.get().open() || incident.get().autoApproveBy() == null) {
            return;
        }
        Optional<Agent> agent = credentials.agentByLogin(incident.get().autoApproveBy());
        boolean approvable = incidents.pending(incident.get().id(), Draft.ACKNOWLEDGEMENT).stream()
                .anyMatch(p -> p.draftId().equals(change.draftId()) && p.held() == null);
        if (agent.isPresent() && approvable) {
            approvals.approveAll(List.of(change.draftId()), agent.get(),
                    "Approved on arrival under the standing decision of " + agent.get().name() + " for incident \"" + incident.get().title() + "\"");
        }
    }

    /**
     * Growth reaches the channels at most once a second per incident (a storm of 15 posts a second is
     * one redraw, not fifteen); the formation at once.
     */
    private void announce(IncidentChanged change) {
        if (change.change() == IncidentChanged.Change.GREW) {
            grown.add(change.incidentId());
            return;
        }
        publish(change);
    }

    @BackgroundJob
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushGrowth() {
        for (UUID id : List.copyOf(grown)) {
            grown.remove(id);
            publish(new IncidentChanged(id, IncidentChanged.Change.GREW, 0));
        }
    }

    /**
     * Tells the channels; notices only at milestones, once each: never a banner per member. The formation's
     * one notice is the on-call ping ({@code Escalations}, which hears the change and records it once).
     */
    private void publish(IncidentChanged change) {
        changes.fire(change);
        if (change.change() != IncidentChanged.Change.GREW && change.change() != IncidentChanged.Change.FORMED) {
            return;
        }
        incidents.find(change.incidentId()).ifPresent(i -> {
            for (int m : MILESTONES) {
                if (i.size() >= m && i.announced() < m && incidents.announce(i.id(), m)) {
                    notices.fire(new Notice("incident-grew", "Incident grew to " + m + ": " + i.title(), List.of(
                            i.size() + " complaints so far, the latest at " + i.lastAt() + ".")));
                }
            }
        });
    }

    // ---- reading ----

    public Optional<Incident> find(UUID id) {
        return incidents.find(id);
    }

    public List<Incident> list(String status) {
        if (status != null && !status.equals(Incident.OPEN) && !status.equals(Incident.RESOLVED) && !status.equals(Incident.MERGED)) {
            throw Problem.invalid("status", "status must be \"open\", \"resolved\" or \"merged\"");
        }
        return incidents.list(status, 200);
    }

    private String replyLanguage(String detected) {
        return triager.replyLanguageOf(detected == null ? config.triage().defaultLanguage() : detected);
    }

    private String title(UUID incidentId, List<String> topics) {
        List<String> words = watch.keywords(incidentId, 4);
        String topic = topics.isEmpty() ? "" : topics.get(0) + ": ";
        return (topic + String.join(", ", words)).strip();
    }

    private static List<String> topics(List<StormWatch.Post> posts) {
        Map<String, Integer> counts = new HashMap<>();
        posts.forEach(p -> p.topics().forEach(t -> counts.merge(t, 1, Integer::sum)));
        return counts.entrySet().stream().filter(e -> e.getValue() * 3 >= posts.size())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }

    private static String thread(List<StormWatch.Post> posts) {
        Map<String, Integer> counts = new HashMap<>();
        posts.forEach(p -> {
            if (p.thread() != null) {
                counts.merge(p.thread(), 1, Integer::sum);
            }
        });
        return counts.entrySet().stream().filter(e -> e.getValue() * 2 >= posts.size()).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private StormWatch.Post post(Complaint c, Triage t) {
        return new StormWatch.Post(c.id(), t.language(), Signature.of(c.text()), topics.groupsOf(t.topics()), threadOf(c.source(), c.parentExternalId()),
                c.externalId(), c.parentExternalId(), c.receivedAt(), topics.groupsOf(t.touched()));
    }

    private StormWatch.Post post(IncidentRepository.Member m) {
        return new StormWatch.Post(m.id(), m.language(), Signature.of(m.text()), topics.groupsOf(m.topics()), threadOf(m.source(), m.parentExternalId()),
                m.externalId(), m.parentExternalId(), m.receivedAt());
    }

    /** Comments under one Facebook post share a thread: its id (a comment's parent, or the post part of a reply's id). */
    private static String threadOf(String source, String parent) {
        if (parent == null) {
            return null;
        }
        return source + ":" + parent;
    }
}
