package dev.ydmyk.approval;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.drafting.DraftText;
import dev.ydmyk.drafting.DraftingWorker;
import dev.ydmyk.intake.Complaint;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.intake.NewComplaint;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.publishing.PublishingService;
import dev.ydmyk.storage.Database;
import dev.ydmyk.tone.ToneCheck;
import dev.ydmyk.tone.ToneReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.ydmyk.storage.Database.ts;

/**
 * A person's decision on a draft: approve (optionally edited), reject, or ask for a redraft.
 * Nothing reaches a customer except through {@link #approve}.
 */
@ApplicationScoped
public class ApprovalService {

    private static final int MAX_NOTE = 2_000;

    private final Database db;
    private final DraftRepository drafts;
    private final ComplaintRepository complaints;
    private final AuditTrail audit;
    private final ToneCheck toneCheck;
    private final PublishingService publishing;
    private final DraftingWorker drafting;
    private final Clock clock;
    private final Event<DraftChanged> changes;
    private final dev.ydmyk.schedule.FollowUps followUps;
    private final dev.ydmyk.channels.ChannelFanout fanout;

    public ApprovalService(Database db, DraftRepository drafts, ComplaintRepository complaints, AuditTrail audit,
                           ToneCheck toneCheck, PublishingService publishing, DraftingWorker drafting, Clock clock,
                           Event<DraftChanged> changes, dev.ydmyk.schedule.FollowUps followUps,
                           dev.ydmyk.channels.ChannelFanout fanout) {
        this.db = db;
        this.drafts = drafts;
        this.complaints = complaints;
        this.audit = audit;
        this.toneCheck = toneCheck;
        this.publishing = publishing;
        this.drafting = drafting;
        this.clock = clock;
        this.changes = changes;
        this.followUps = followUps;
        this.fanout = fanout;
    }

    public record Approval(String text, String override) {
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
        ToneReport report = toneCheck.check(text, draft.language(), complaint.text());
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
            // One answer per complaint; report-backs come after it. The complaint row is locked so two
            // approvals of different drafts for the same complaint cannot both pass the check.
            try (PreparedStatement lock = conn.prepareStatement("select 1 from complaint where id = ? for update")) {
                lock.setObject(1, draft.complaintId());
                lock.executeQuery().close();
            }
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into reply (complaint_id, draft_id, text, agent, approved_at, next_attempt_at)
                    select ?, ?, ?, ?, ?, ? where ? = 'report-back' or not exists
                      (select 1 from reply r join draft d on d.id = r.draft_id where r.complaint_id = ? and d.purpose = 'reply')""")) {
                ps.setObject(1, draft.complaintId());
                ps.setObject(2, draftId);
                ps.setString(3, signed);
                ps.setString(4, agent.name());
                ps.setTimestamp(5, ts(now));
                ps.setTimestamp(6, ts(now));
                ps.setString(7, draft.purpose());
                ps.setObject(8, draft.complaintId());
                if (ps.executeUpdate() == 0) {
                    throw Problem.conflict("This complaint has already been answered");
                }
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
        changes.fire(new DraftChanged(draftId, DraftChanged.Change.APPROVED, agent.login()));
        publishing.attempt(draftId);
        warnIfPraiseBeforeComplaints(complaint);
        return drafts.find(draftId).orElseThrow();
    }

    public Draft reject(UUID draftId, Agent agent, String reason) {
        requireNote("reason", reason);
        Draft draft = pending(draftId, "reject");
        decide(draft, DraftStatus.REJECTED, agent, reason, "rejected", false);
        changes.fire(new DraftChanged(draftId, DraftChanged.Change.REJECTED, agent.login()));
        return drafts.find(draftId).orElseThrow();
    }

    public Draft redraft(UUID draftId, Agent agent, String hint) {
        requireNote("hint", hint);
        Draft draft = pending(draftId, "redraft");
        decide(draft, DraftStatus.REDRAFT, agent, hint, "redraft-requested", true);
        changes.fire(new DraftChanged(draftId, DraftChanged.Change.REDRAFT, agent.login()));
        drafting.wake();
        return drafts.find(draftId).orElseThrow();
    }

    private void decide(Draft draft, DraftStatus to, Agent agent, String note, String action, boolean requeue) {
        Instant now = clock.instant();
        boolean won = db.tx(conn -> {
            if (!drafts.decide(conn, draft.id(), DraftStatus.PENDING, to, agent.login(), now, note)) {
                return false;
            }
            if (requeue) {
                complaints.requestDraft(conn, draft.complaintId(), note);
            }
            audit.record(conn, draft.complaintId(), draft.id(), action, agent.login(), now, note);
            return true;
        });
        if (!won) {
            throw alreadyDecided(drafts.find(draft.id()).orElseThrow(), action);
        }
    }

    /** The Altibox lesson: answering praise while older complaints wait is noticed, and said. */
    private void warnIfPraiseBeforeComplaints(Complaint answered) {
        if (answered.triage() == null || answered.triage().kind() != dev.ydmyk.triage.Kind.PRAISE) {
            return;
        }
        long waiting = db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    select count(*) from complaint c where c.kind = 'complaint' and c.received_at < ?
                    and not exists (select 1 from reply r where r.complaint_id = c.id)""")) {
                ps.setTimestamp(1, ts(answered.receivedAt()));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        if (waiting > 0) {
            fanout.notice(new dev.ydmyk.channels.Notice("praise-before-complaints", "Praise answered while complaints wait",
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
