package dev.ydmyk.approval;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.approval.FollowUpRepository.FollowUp;
import dev.ydmyk.audit.AuditTrail;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.DraftingWorker;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.notices.Notice;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * "We will get back to you", kept: a sent reply that promises to come back opens a follow-up, due
 * after {@code ydmyk.follow-up.due}. An agent marks it fixed with a note of what was done; a
 * report-back draft follows for approval. Overdue follow-ups are reminded in the channels, once.
 */
@ApplicationScoped
public class FollowUps {

    private final Database db;
    private final FollowUpRepository followUps;
    private final ComplaintRepository complaints;
    private final AuditTrail audit;
    private final DraftingWorker drafting;
    private final Event<Notice> notices;
    private final YdmykConfig config;
    private final Clock clock;

    public FollowUps(Database db, FollowUpRepository followUps, ComplaintRepository complaints, AuditTrail audit,
                     DraftingWorker drafting, Event<Notice> notices, YdmykConfig config, Clock clock) {
        this.db = db;
        this.followUps = followUps;
        this.complaints = complaints;
        this.audit = audit;
        this.drafting = drafting;
        this.notices = notices;
        this.config = config;
        this.clock = clock;
    }

    /** Opens a follow-up in the approving transaction. */
    public void open(Connection conn, UUID complaintId, UUID draftId, Instant now) throws SQLException {
        Instant due = now.plus(config.followUp().due());
        followUps.open(conn, complaintId, draftId, due, now);
        audit.record(conn, complaintId, draftId, "follow-up-opened", "ydmyk", now,
                "The reply promises to come back; due " + due);
    }

    /** The follow-up an approval opened goes with the approval when it is undone. */
    void withdraw(Connection conn, UUID draftId) throws SQLException {
        followUps.withdraw(conn, draftId);
    }

    public List<FollowUp> list(String status, UUID complaintId) {
        return followUps.list(status, complaintId);
    }

    /** Marks a follow-up fixed and asks for a report-back draft saying what was done. */
    public FollowUp fixed(UUID id, Agent agent, String note) {
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw Problem.invalid("note", "note is required: what was done, in a few words (at most 2000 characters)");
        }
        String done = note.strip();
        Instant now = clock.instant();
        FollowUp fixed = db.tx(conn -> {
            FollowUp f = followUps.lock(conn, id).orElseThrow(() -> Problem.notFound("follow-up", id));
            if (!f.status().equals("open")) {
                throw Problem.conflict("This follow-up is already " + f.status() + (f.fixedBy() == null ? "" : " (by " + f.fixedBy() + ")"));
            }
            followUps.markFixed(conn, id, agent.login(), now, done);
            complaints.requestReportBack(conn, f.complaintId(), done);
            audit.record(conn, f.complaintId(), f.draftId(), "follow-up-fixed", agent.login(), now, done);
            return new FollowUp(f.id(), f.complaintId(), f.draftId(), f.dueAt(), "fixed", f.createdAt(), agent.login(), now, done);
        });
        drafting.wake();
        return fixed;
    }

    /** Reminds the channels of overdue follow-ups, each once; returns how many. */
    public int remindOverdue() {
        List<String> lines = followUps.remindOverdue(clock.instant()).stream()
                .map(o -> "We promised " + (o.authorName() == null ? "a customer" : o.authorName()) + " (" + o.source()
                        + ") to come back; due " + o.dueAt() + ". Follow-up " + o.id())
                .toList();
        if (!lines.isEmpty()) {
            notices.fire(new Notice("follow-ups-overdue", "Overdue: customers we promised to come back to", lines));
        }
        return lines.size();
    }
}
