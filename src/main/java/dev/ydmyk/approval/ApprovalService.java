package dev.ydmyk.approval;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.audit.AuditTrail;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.Draft;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.drafting.DraftRepository;
import dev.ydmyk.drafting.DraftStatus;
import dev.ydmyk.drafting.DraftText;
import dev.ydmyk.drafting.DraftingWorker;
import dev.ydmyk.intake.Complaint;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.intake.NewComplaint;
import dev.ydmyk.notices.Notice;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.storage.Database;
import dev.ydmyk.tone.Finding;
import dev.ydmyk.tone.ToneCheck;
import dev.ydmyk.tone.ToneReport;
import dev.ydmyk.triage.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's decision on a draft: approve (optionally edited), reject, or ask for a redraft.
 * Nothing reaches a customer except through {@link #approve}.
 */
@ApplicationScoped
public class ApprovalService {

    private static final int MAX_NOTE = 2_000;

    private final Database db;
    private final DraftRepository drafts;
    private final ApprovedReplyRepository replies;
    private final ComplaintRepository complaints;
    private final AuditTrail audit;
    private final ToneCheck toneCheck;
    private final DraftingWorker drafting;
    private final Clock clock;
    private final Event<DraftChanged> changes;
    private final FollowUps followUps;
    private final Event<Notice> notices;
    private final YdmykConfig config;
    private final Credentials credentials;

    public ApprovalService(Database db, DraftRepository drafts, ApprovedReplyRepository replies, ComplaintRepository complaints, AuditTrail audit,
                           ToneCheck toneCheck, DraftingWorker drafting, Clock clock,
                           Event<DraftChanged> changes, FollowUps followUps, Event<Notice> notices, YdmykConfig config,
                           Credentials credentials) {
        this.db = db;
        this.drafts = drafts;
        this.replies = replies;
        this.complaints = complaints;
        this.audit = audit;
        this.toneCheck = toneCheck;
        this.drafting = drafting;
        this.clock = clock;
        this.changes = changes;
        this.followUps = followUps;
        this.notices = notices;
        this.config = config;
        this.credentials = credentials;
    }

    public record Approval(String text, String override) {
    }

    private static final List<String> FOUR_MOVES = List.of("acknowledge", "apologise", "fix", "report-back");

    /**
     * An edit of a reply to a complaint that leaves out one of the four moves the draft made
     * (acknowledge, apologise, fix, report back) is a finding the agent confirms with a reason.
     */
    private static ToneReport withDroppedMoves(ToneReport edited, Draft draft) {
        if (draft.toneCheck() == null || !Draft.REPLY.equals(draft.purpose())) {
            return edited;
        }
        List<String> dropped = FOUR_MOVES.stream().filter(m -> draft.toneCheck().has(m) && !edited.has(m)).toList();
        if (dropped.isEmpty()) {
            return edited;
        }
        List<Finding> findings = new ArrayList<>(edited.findings());
        findings.add(new Finding("dropped-move", "The edit leaves out what the draft did: " + String.join(", ", dropped),
                String.join(", ", dropped)));
        return new ToneReport(edited.moves(), List.copyOf(findings));
    }

    public Draft approve(UUID draftId, Agent agent, Approval approval) {
        Draft draft = pending(draftId, "approve");
        Complaint complaint = complaints.find(draft.complaintId()).orElseThrow();
        String edit = approval == null ? null : approval.text();
        String override = approval == null ? null : approval.override();
        if (edit != null && edit.isBlank()) {
            throw Problem.invalid("text", "text must not be empty; leave it out to approve the draft as written");
        }
        if (edit != null && edit.length() > NewComplaint.MAX_TEXT) {
            throw Problem.invalid("text", "text must be at most " + NewComplaint.MAX_TEXT + " characters");
        }
        if (override != null && (override.isBlank() || override.length() > MAX_NOTE)) {
            throw Problem.invalid("override", "override must be a reason of 1-" + MAX_NOTE + " characters");
        }
        String text = edit != null ? edit : draft.text();
        ToneReport checked = toneCheck.check(text, draft.language(), complaint.text());
        ToneReport report = edit != null ? withDroppedMoves(checked, draft) : checked;
        if (!report.clean() && override == null) {
            throw new Problem(422, "The reply does not follow the guidelines",
                    "The tone check found " + report.findings().size() + " problem(s); fix the text, or approve with an override reason",
                    "text", report.findings());
        }
        String signed = sign(text, agent.name());
        Instant now = clock.instant();
        boolean won = db.tx(conn -> {
            if (!drafts.decide(conn, draftId, DraftStatus.PENDING, DraftStatus.APPROVED, agent.login(), now,
                    override == null ? null : "Override: " + override)) {
                return false;
            }
            if (!replies.queue(conn, draft.complaintId(), draftId, draft.purpose(), signed, agent.name(), now, sendsAt(now))) {
                throw Problem.conflict("This complaint has already been answered");
            }
            // The report computed above is of the same text; signing only fills in the name.
            if (Draft.REPLY.equals(draft.purpose()) && report.has("report-back")) {
                followUps.open(conn, draft.complaintId(), draftId, now);
            }
            String detail = (edit != null ? "Approved with edits" : "Approved as drafted")
                    + (override != null ? "; tone check overridden: " + override + " (findings: "
                    + report.findings().stream().map(f -> f.rule()).toList() + ")" : "");
            audit.record(conn, draft.complaintId(), draftId, "approved", agent.login(), now, detail);
            return true;
        });
        if (!won) {
            throw alreadyDecided(drafts.find(draftId).orElseThrow(), "approve");
        }
        // Publishing observes the approval and sends; the channels observe it and update their cards.
        changes.fire(new DraftChanged(draftId, DraftChanged.Change.APPROVED, agent.login()));
        warnIfPraiseBeforeComplaints(complaint);
        return drafts.find(draftId).orElseThrow();
    }

    /**
     * One agent's decision on many drafts at once (an incident's acknowledgements or report-backs):
     * all in one transaction, so a crash approves all or none; each draft is approved once however
     * many bulk decisions race (compare-and-set), audited one by one under {@code decision}. Drafts
     * no longer pending are skipped. Returns the ids approved.
     */
    public List<UUID> approveAll(List<UUID> draftIds, Agent agent, String decision) {
        if (draftIds.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<UUID> approved = db.tx(conn -> {
            List<UUID> won = new ArrayList<>();
            for (UUID id : draftIds) {
                Optional<Draft> d = drafts.find(conn, id);
                if (d.isEmpty() || d.get().status() != DraftStatus.PENDING
                        || !drafts.decide(conn, id, DraftStatus.PENDING, DraftStatus.APPROVED, agent.login(), now, decision)) {
                    continue;
                }
                Draft draft = d.get();
                if (!replies.queue(conn, draft.complaintId(), id, draft.purpose(), sign(draft.text(), agent.name()), agent.name(), now,
                        sendsAt(now))) {
                    drafts.decide(conn, id, DraftStatus.APPROVED, DraftStatus.WITHDRAWN, "ydmyk", now, "The customer was already answered");
                    continue;
                }
                if (Draft.ACKNOWLEDGEMENT.equals(draft.purpose())) {
                    followUps.open(conn, draft.complaintId(), id, now);
                }
                audit.record(conn, draft.complaintId(), id, "approved", agent.login(), now, decision);
                won.add(id);
            }
            return won;
        });
        approved.forEach(id -> changes.fire(new DraftChanged(id, DraftChanged.Change.APPROVED, agent.login())));
        return approved;
    }

    /** When an approval made now starts publishing: after the undo window ({@code ydmyk.approval.undo}). */
    public Instant sendsAt(Instant approvedAt) {
        return approvedAt.plus(config.approval().undo());
    }

    /**
     * Takes an approval back within its undo window: the draft is pending again, as if never decided,
     * and nothing was sent. Conflict once publishing has started (or the draft was not approved).
     */
    public Draft undo(UUID draftId, Agent agent) {
        Draft draft = drafts.find(draftId).orElseThrow(() -> Problem.notFound("draft", draftId));
        Instant now = clock.instant();
        boolean won = draft.status() == DraftStatus.APPROVED && db.tx(conn -> {
            if (!replies.withdraw(conn, draftId, now)) {
                return false;
            }
            drafts.decide(conn, draftId, DraftStatus.APPROVED, DraftStatus.PENDING, null, null, null);
            followUps.withdraw(conn, draftId);
            audit.record(conn, draft.complaintId(), draftId, "approval-undone", agent.login(), now,
                    "Taken back within the undo window; nothing was sent");
            return true;
        });
        if (!won) {
            throw Problem.conflict(draft.status() == DraftStatus.APPROVED || draft.status() == DraftStatus.SENT
                    ? "Too late to undo: the undo window has closed and the reply is being published or has been sent"
                    : "Cannot undo this draft: it is " + draft.status().wire() + ", not approved");
        }
        changes.fire(new DraftChanged(draftId, DraftChanged.Change.UNDONE, agent.login()));
        return drafts.find(draftId).orElseThrow();
    }

    /** The agent takes a pending draft: colleagues see who has it, and it leaves their queue until released or idle. */
    public Draft take(UUID draftId, Agent agent) {
        Draft draft = pending(draftId, "take");
        Instant now = clock.instant();
        if (!drafts.take(draftId, agent.login(), now, now.minus(config.approval().takeIdle()))) {
            Draft d = drafts.find(draftId).orElseThrow();
            throw Problem.conflict(d.status() != DraftStatus.PENDING ? "Cannot take this draft: it is already " + d.status().wire()
                    : "Cannot take this draft: " + nameOf(d.takenBy()) + " has it");
        }
        changes.fire(new DraftChanged(draftId, DraftChanged.Change.TAKEN, agent.login()));
        return drafts.find(draftId).orElseThrow();
    }

    /** Back to everyone's queue: by its holder, or by anyone once the holder has been idle. */
    public Draft release(UUID draftId, Agent agent) {
        Draft draft = drafts.find(draftId).orElseThrow(() -> Problem.notFound("draft", draftId));
        if (draft.takenBy() == null) {
            return draft;
        }
        Instant now = clock.instant();
        if (!drafts.release(draftId, agent.login(), now.minus(config.approval().takeIdle()))) {
            throw Problem.conflict("Cannot release this draft: " + nameOf(draft.takenBy()) + " has it");
        }
        changes.fire(new DraftChanged(draftId, DraftChanged.Change.RELEASED, agent.login()));
        return drafts.find(draftId).orElseThrow();
    }

    /** The holder is still at it (their page looks at the draft): the draft stays theirs. */
    public void stillTaken(UUID draftId, Agent agent) {
        Instant now = clock.instant();
        drafts.find(draftId).filter(d -> agent.login().equals(d.takenBy()) && d.status() == DraftStatus.PENDING)
                .ifPresent(d -> drafts.take(draftId, agent.login(), now, now.minus(config.approval().takeIdle())));
    }

    private String nameOf(String login) {
        return login == null ? "null" : credentials.nameOf(login);
    }

    public Draft reject(UUID draftId, Agent agent, String reason) {
        return decideWithNote(draftId, agent, "reason", reason, DraftStatus.REJECTED, "reject", "rejected", DraftChanged.Change.REJECTED);
    }

    public Draft redraft(UUID draftId, Agent agent, String hint) {
        Draft d = decideWithNote(draftId, agent, "hint", hint, DraftStatus.REDRAFT, "redraft", "redraft-requested",
                DraftChanged.Change.REDRAFT);
        drafting.wake();
        return d;
    }

    /** A decision that needs a note (a reason, a hint): compare-and-set, audited, a redraft requeued, in one transaction. */
    private Draft decideWithNote(UUID draftId, Agent agent, String field, String note, DraftStatus to, String verb,
                                 String auditAction, DraftChanged.Change change) {
        requireNote(field, note);
        Draft draft = pending(draftId, verb);
        Instant now = clock.instant();
        boolean won = db.tx(conn -> {
            if (!drafts.decide(conn, draftId, DraftStatus.PENDING, to, agent.login(), now, note)) {
                return false;
            }
            if (to == DraftStatus.REDRAFT) {
                complaints.requestDraft(conn, draft.complaintId(), note);
            }
            audit.record(conn, draft.complaintId(), draftId, auditAction, agent.login(), now, note);
            return true;
        });
        if (!won) {
            throw alreadyDecided(drafts.find(draftId).orElseThrow(), verb);
        }
        changes.fire(new DraftChanged(draftId, change, agent.login()));
        return drafts.find(draftId).orElseThrow();
    }

    /** The Altibox lesson: answering praise while older complaints wait is noticed, and said. */
    private void warnIfPraiseBeforeComplaints(Complaint answered) {
        if (answered.triage() == null || answered.triage().kind() != Kind.PRAISE) {
            return;
        }
        long waiting = replies.complaintsWithoutReplyBefore(answered.receivedAt());
        if (waiting > 0) {
            notices.fire(new Notice("praise-before-complaints", "Praise answered while complaints wait",
                    List.of(waiting + " complaint(s) that arrived before this praise still have no reply. Answer them first: "
                            + "customers notice when only the friendly posts get answers.")));
        }
    }

    private Draft pending(UUID draftId, String action) {
        Draft draft = drafts.find(draftId).orElseThrow(() -> Problem.notFound("draft", draftId));
        if (draft.status() != DraftStatus.PENDING) {
            throw alreadyDecided(draft, action);
        }
        return draft;
    }

    private static Problem alreadyDecided(Draft d, String action) {
        return Problem.conflict("Cannot " + action + " this draft: it is already " + d.status().wire()
                + (d.decidedBy() != null ? " (by " + d.decidedBy() + " at " + d.decidedAt() + ")" : ""));
    }

    private static void requireNote(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.invalid(field, field + " is required");
        }
        if (value.length() > MAX_NOTE) {
            throw Problem.invalid(field, field + " must be at most " + MAX_NOTE + " characters");
        }
    }

    /** The approving agent signs the reply: the placeholder becomes their name. */
    static String sign(String text, String name) {
        if (text.contains(DraftText.AGENT)) {
            return text.replace(DraftText.AGENT, name);
        }
        return text.contains(name) ? text : text.stripTrailing() + "\n\n" + name;
    }
}
