package dev.ydmyk.approval;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ydmyk.audit.AuditTrail;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.Draft;
import dev.ydmyk.drafting.DraftRepository;
import dev.ydmyk.drafting.DraftStatus;
import dev.ydmyk.intake.Complaint;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.intake.ComplaintStatus;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.storage.Database;
import dev.ydmyk.tone.ToneReport;
import dev.ydmyk.triage.Kind;
import dev.ydmyk.triage.Severity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;

/** The JSON the API shows for complaints and drafts. */
@ApplicationScoped
public class Views implements ComplaintStatus {

    public record AuthorView(String name, String handle) {
    }

    /** How the post was read; {@code reasons} say why where the signals disagreed (flags {@code uncertain}, {@code sarcasm}). */
    public record TriageView(String language, Kind kind, Severity severity, List<String> topics, List<String> flags,
                             List<String> reasons) {
    }

    /** Enough of the complaint to decide on a draft without another request. */
    /** A draft's complaint as the channels show it; an e-mail's subject, and the conversation it answers, when there are. */
    public record ComplaintSummary(AuthorView author, String source, String text, String url, Instant receivedAt,
                                   TriageView triage, @JsonInclude(JsonInclude.Include.NON_NULL) String subject,
                                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ComplaintRepository.Turn> conversation) {
    }

    private record Context(String subject, List<ComplaintRepository.Turn> conversation) {
        static final Context NONE = new Context(null, List.of());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * A draft as the channels and the API show it. {@code decidedByName} is the deciding agent's name;
     * {@code undoUntil}, while an approval can still be taken back, is when publishing starts.
     */
    public record DraftView(UUID id, UUID complaintId, DraftStatus status, String language, String text, String drafter,
                            ToneReport toneCheck, Instant createdAt, String decidedBy, String decidedByName, Instant decidedAt,
                            Instant undoUntil, String hint, String note, String fallback, String purpose, UUID incidentId,
                            String takenBy, String takenByName, Instant takenUntil, ComplaintSummary complaint) {
    }

    public record ReplyView(UUID draftId, String text, Instant sentAt, String agent, Instant approvedAt, int publishAttempts,
                            String lastError) {
    }

    /** The holding reply; {@code lastError} and {@code failedAt} when publishing gave up on it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HoldingView(String text, Instant sentAt, String approvedBy, String lastError, Instant failedAt) {
    }

    /** The first-response deadline; {@code met} is null while it can still be met. */
    public record SlaView(Instant deadline, Instant firstResponseAt, Boolean met) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComplaintView(UUID id, String status, String source, String externalId, AuthorView author, String text,
                                String url, OffsetDateTime postedAt, Instant receivedAt, UUID incidentId, TriageView triage, SlaView sla,
                                List<DraftView> drafts, ReplyView reply, List<ReplyView> replies, HoldingView holdingReply,
                                List<FollowUpRepository.FollowUp> followUps, List<AuditTrail.Event> events,
                                EmailView email, List<ComplaintRepository.Turn> conversation) {
    }

    /** For e-mailed complaints: the subject, and the attachments that were listed but not read. */
    public record EmailView(String messageId, String subject, List<String> attachments) {
    }

    private final Database db;
    private final ViewRepository rows;
    private final ComplaintRepository complaints;
    private final DraftRepository drafts;
    private final AuditTrail audit;
    private final YdmykConfig config;
    private final Credentials credentials;
    private final Clock clock;
    private final FollowUpRepository followUps;

    public Views(Database db, ViewRepository rows, ComplaintRepository complaints, DraftRepository drafts, AuditTrail audit, YdmykConfig config,
                 Clock clock, FollowUpRepository followUps, Credentials credentials) {
        this.db = db;
        this.rows = rows;
        this.complaints = complaints;
        this.drafts = drafts;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.followUps = followUps;
        this.credentials = credentials;
    }

    public ComplaintView complaint(UUID id) {
        return db.read(conn -> {
            Complaint c = complaints.find(conn, id).orElseThrow(() -> Problem.notFound("complaint", id));
            List<ComplaintRepository.Turn> conversation = complaints.conversation(conn, c, 20);
            List<DraftView> ds = drafts.forComplaint(conn, id).stream().map(d -> draft(d, null)).toList();
            List<ReplyView> replies = rows.replies(conn, id);
            ReplyView reply = replies.isEmpty() ? null : replies.get(0);
            HoldingView holding = rows.holdingReply(conn, id);
            Instant deadline = c.receivedAt().plus(config.sla().firstResponse());
            Instant first = earliest(reply == null ? null : reply.sentAt(), holding == null ? null : holding.sentAt());
            Boolean met = null;
            if (first != null) {
                met = !first.isAfter(deadline);
            } else if (clock.instant().isAfter(deadline)) {
                met = Boolean.FALSE;
            }
            return new ComplaintView(c.id(), status(c, ds, reply), c.source(), c.externalId(),
                    new AuthorView(c.authorName(), c.authorHandle()), c.text(), c.url(), c.postedAt(), c.receivedAt(),
                    c.incidentId(), triage(c), new SlaView(deadline, first, met), ds, reply, replies, holding, followUps.list(conn, "all", id),
                    audit.forComplaint(conn, id), rows.email(conn, id), conversation.isEmpty() ? null : conversation);
        });
    }

    @Override
    public String of(UUID complaintId) {
        return complaint(complaintId).status();
    }

    public DraftView draft(UUID id) {
        Draft d = drafts.find(id).orElseThrow(() -> Problem.notFound("draft", id));
        return withComplaint(d);
    }

    public DraftView withComplaint(Draft d) {
        Complaint c = complaints.find(d.complaintId()).orElseThrow();
        return draft(d, summary(c, contexts(List.of(c)).getOrDefault(c.id(), Context.NONE)));
    }

    /** The queue with each draft's complaint, read in one query rather than one per draft. */
    /** How many drafts wait, and since when the oldest complaint among them: one query, for the page header. */
    public record Waiting(long pending, Instant oldestComplaint) {
    }

    public Waiting waiting() {
        return db.read(rows::waiting);
    }

    public List<DraftView> queue(DraftStatus status, int limit) {
        return queue(status, 0, limit);
    }

    public List<DraftView> queue(DraftStatus status, int offset, int limit) {
        List<Draft> ds = drafts.queue(status, offset, limit);
        Map<UUID, Complaint> byId = complaints.findAll(ds.stream().map(Draft::complaintId).distinct().toList());
        Map<UUID, Context> contexts = contexts(byId.values());
        return ds.stream().map(d -> draft(d, summary(byId.get(d.complaintId()), contexts.getOrDefault(d.complaintId(), Context.NONE))))
                .toList();
    }

    /** E-mail subjects in one query, and the conversation of each complaint that answers an earlier message. */
    private Map<UUID, Context> contexts(Collection<Complaint> cs) {
        List<Complaint> wanted = cs.stream().filter(c -> c != null && (c.parentExternalId() != null || "email".equals(c.source()))).toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return db.read(conn -> {
            Map<UUID, String> subjects = rows.subjects(conn, wanted.stream().map(Complaint::id).toList());
            Map<UUID, Context> out = new HashMap<>();
            for (Complaint c : wanted) {
                out.put(c.id(), new Context(subjects.get(c.id()), complaints.conversation(conn, c, CONVERSATION_SHOWN)));
            }
            return out;
        });
    }

    /** Earlier messages a channel shows above a draft. */
    static final int CONVERSATION_SHOWN = 6;

    /** The first response: whichever of the reply and the holding reply went out first (null if neither). */
    public static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static ComplaintSummary summary(Complaint c, Context context) {
        return new ComplaintSummary(new AuthorView(c.authorName(), c.authorHandle()), c.source(), c.text(), c.url(),
                c.receivedAt(), triage(c), context.subject(), context.conversation());
    }

    /** Where a complaint stands, in one word. */
    static String status(Complaint c, List<DraftView> ds, ReplyView reply) {
        if (c.withdrawnAt() != null) {
            return "withdrawn";
        }
        if (reply != null) {
            return reply.sentAt() != null ? "answered" : "approved";
        }
        if (c.needsDraft()) {
            return ds.isEmpty() ? "received" : "redrafting";
        }
        if (c.triage() != null && c.triage().kind() == Kind.SPAM) {
            return "spam";
        }
        if (ds.stream().anyMatch(d -> d.status() == DraftStatus.PENDING)) {
            return "awaiting-approval";
        }
        return ds.isEmpty() ? "received" : ds.get(ds.size() - 1).status().wire();
    }

    private static TriageView triage(Complaint c) {
        Complaint.StoredTriage t = c.triage();
        return t == null ? null : new TriageView(t.language(), t.kind(), t.severity(), t.topics(), t.flags(), t.reasons());
    }

    private DraftView draft(Draft d, ComplaintSummary summary) {
        Instant undoUntil = d.status() == DraftStatus.APPROVED && d.decidedAt() != null
                ? d.decidedAt().plus(config.approval().undo()) : null;
        if (undoUntil != null && !undoUntil.isAfter(clock.instant())) {
            undoUntil = null;
        }
        Instant takenUntil = d.takenBy() == null || d.status() != DraftStatus.PENDING ? null
                : d.takenAt().plus(config.approval().takeIdle());
        boolean taken = takenUntil != null && takenUntil.isAfter(clock.instant());
        return new DraftView(d.id(), d.complaintId(), d.status(), d.language(), d.text(), d.drafter(), d.toneCheck(),
                d.createdAt(), d.decidedBy(), name(d.decidedBy()), d.decidedAt(), undoUntil, d.hint(), d.note(), d.fallbackCause(),
                d.purpose(), d.incidentId(), taken ? d.takenBy() : null, taken ? name(d.takenBy()) : null, taken ? takenUntil : null,
                summary);
    }

    /** An agent's name for their login (the login itself if they are not known any more). */
    private String name(String login) {
        return credentials.nameOf(login);
    }
}
