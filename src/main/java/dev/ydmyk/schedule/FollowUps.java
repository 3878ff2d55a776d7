package dev.ydmyk.schedule;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.approval.AuditTrail;
import dev.ydmyk.channels.ChannelFanout;
import dev.ydmyk.channels.Notice;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.DraftingWorker;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.storage.Database;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/**
 * "We will get back to you", kept: a sent reply that promises to come back opens a follow-up, due
 * after {@code ydmyk.follow-up.due}. An agent marks it fixed with a note of what was done; a
 * report-back draft follows for approval. Overdue follow-ups are reminded in the channels, once.
 */
@ApplicationScoped
public class FollowUps {

    public record FollowUp(UUID id, UUID complaintId, UUID draftId, Instant dueAt, String status, Instant createdAt,
                           String fixedBy, Instant fixedAt, String note) {
    }

    private final Database db;
    private final ComplaintRepository complaints;
    private final AuditTrail audit;
    private final Instance<DraftingWorker> worker;
    private final Instance<ChannelFanout> fanout;
    private final YdmykConfig config;
    private final Clock clock;

    public FollowUps(Database db, ComplaintRepository complaints, AuditTrail audit, Instance<DraftingWorker> worker,
                     Instance<ChannelFanout> fanout, YdmykConfig config, Clock clock) {
        this.db = db;
        this.complaints = complaints;
        this.audit = audit;
        this.worker = worker;
        this.fanout = fanout;
        this.config = config;
        this.clock = clock;
    }

    /** Opens a follow-up in the approving transaction. */
    public void open(Connection conn, UUID complaintId, UUID draftId, Instant now) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "insert into follow_up (id, complaint_id, draft_id, due_at, status, created_at) values (?, ?, ?, ?, 'open', ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, complaintId);
            ps.setObject(3, draftId);
            ps.setTimestamp(4, ts(now.plus(config.followUp().due())));
            ps.setTimestamp(5, ts(now));
            ps.executeUpdate();
        }
        audit.record(conn, complaintId, draftId, "follow-up-opened", "ydmyk", now,
                "The reply promises to come back; due " + now.plus(config.followUp().due()));
    }

    public List<FollowUp> list(String status, UUID complaintId) {
        return db.read(conn -> {
            String sql = "select * from follow_up where (? = 'all' or status = ?) and (cast(? as uuid) is null or complaint_id = cast(? as uuid)) order by due_at";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setString(1, status);
                ps.setString(2, status);
                ps.setObject(3, complaintId);
                ps.setObject(4, complaintId);
                List<FollowUp> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Marks a follow-up fixed and asks for a report-back draft saying what was done. */
    public FollowUp fixed(UUID id, Agent agent, String note) {
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw Problem.invalid("note", "note is required: what was done, in a few words (at most 2000 characters)");
        }
        Instant now = clock.instant();
        FollowUp done = db.tx(conn -> {
            FollowUp f;
            try (PreparedStatement ps = conn.prepareStatement("select * from follow_up where id = ? for update")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw Problem.notFound("follow-up", id);
                    }
                    f = map(rs);
                }
            }
            if (!f.status().equals("open")) {
                throw Problem.conflict("This follow-up is already " + f.status() + (f.fixedBy() == null ? "" : " (by " + f.fixedBy() + ")"));
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "update follow_up set status = 'fixed', fixed_by = ?, fixed_at = ?, note = ? where id = ?")) {
                ps.setString(1, agent.login());
                ps.setTimestamp(2, ts(now));
                ps.setString(3, note.strip());
                ps.setObject(4, id);
                ps.executeUpdate();
            }
            complaints.requestReportBack(conn, f.complaintId(), note.strip());
            audit.record(conn, f.complaintId(), f.draftId(), "follow-up-fixed", agent.login(), now, note.strip());
            return new FollowUp(f.id(), f.complaintId(), f.draftId(), f.dueAt(), "fixed", f.createdAt(), agent.login(), now, note.strip());
        });
        worker.get().wake();
        return done;
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        remindOverdue();
    }

    /** Reminds the channels of overdue follow-ups, each once; returns how many. */
    public int remindOverdue() {
        Instant now = clock.instant();
        List<String> lines = db.tx(conn -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    update follow_up f set reminded_at = ? from complaint c
                    where c.id = f.complaint_id and f.status = 'open' and f.due_at < ? and f.reminded_at is null
                    returning f.id, f.due_at, c.author_name, c.source""")) {
                ps.setTimestamp(1, ts(now));
                ps.setTimestamp(2, ts(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add("We promised " + (rs.getString(3) == null ? "a customer" : rs.getString(3)) + " (" + rs.getString(4)
                                + ") to come back; due " + instant(rs.getTimestamp(2)) + ". Follow-up " + rs.getObject(1, UUID.class));
                    }
                }
            }
            return out;
        });
        if (!lines.isEmpty()) {
            fanout.get().notice(new Notice("follow-ups-overdue", "Overdue: customers we promised to come back to", lines));
        }
        return lines.size();
    }

    private static FollowUp map(ResultSet rs) throws SQLException {
        return new FollowUp(rs.getObject("id", UUID.class), rs.getObject("complaint_id", UUID.class), rs.getObject("draft_id", UUID.class),
                instant(rs.getTimestamp("due_at")), rs.getString("status"), instant(rs.getTimestamp("created_at")),
                rs.getString("fixed_by"), instant(rs.getTimestamp("fixed_at")), rs.getString("note"));
    }
}
