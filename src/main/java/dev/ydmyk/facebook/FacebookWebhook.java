package dev.ydmyk.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ydmyk.approval.AuditTrail;
import dev.ydmyk.approval.DraftChanged;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.DraftingWorker;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.intake.NewComplaint;
import dev.ydmyk.storage.Database;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Takes a Facebook Page webhook delivery: every change of every entry in one transaction, each
 * taken once however often Meta redelivers it. Feed posts, statuses and comments are complaints
 * (their parent post or comment kept as the conversation); edits re-triage and redraft; removals
 * withdraw the complaint and its pending drafts. The page's own posts, reactions and fields we do
 * not use are passed over.
 */
@ApplicationScoped
public class FacebookWebhook {

    public record Outcome(int added, int edited, int removed, int ignored) {
    }

    static final String SOURCE = "facebook";
    private static final Logger LOG = Logger.getLogger(FacebookWebhook.class);
    private static final Set<String> ITEMS = Set.of("post", "status", "comment");

    private final Database db;
    private final ComplaintRepository complaints;
    private final AuditTrail audit;
    private final DraftingWorker drafting;
    private final Event<DraftChanged> changes;
    private final YdmykConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public FacebookWebhook(Database db, ComplaintRepository complaints, AuditTrail audit, DraftingWorker drafting,
                           Event<DraftChanged> changes, YdmykConfig config, Clock clock, MeterRegistry metrics) {
        this.db = db;
        this.complaints = complaints;
        this.audit = audit;
        this.drafting = drafting;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Outcome take(JsonNode delivery) {
        Instant now = clock.instant();
        String pageId = config.facebook().pageId().orElse(null);
        List<UUID> withdrawnDrafts = new ArrayList<>();
        int[] counts = new int[4];
        db.tx(conn -> {
            for (JsonNode entry : delivery.path("entry")) {
                for (JsonNode change : entry.path("changes")) {
                    counts[take(conn, change, pageId, now, withdrawnDrafts)]++;
                }
            }
            return null;
        });
        metrics.counter("ydmyk.facebook.changes", "outcome", "added").increment(counts[0]);
        metrics.counter("ydmyk.facebook.changes", "outcome", "ignored").increment(counts[3]);
        withdrawnDrafts.forEach(d -> changes.fire(new DraftChanged(d, DraftChanged.Change.WITHDRAWN, SOURCE)));
        if (counts[0] + counts[1] > 0) {
            drafting.wake();
        }
        return new Outcome(counts[0], counts[1], counts[2], counts[3]);
    }

    /** One change; returns 0 added, 1 edited, 2 removed, 3 ignored. */
    private int take(Connection conn, JsonNode change, String pageId, Instant now, List<UUID> withdrawnDrafts) throws SQLException {
        JsonNode v = change.path("value");
        String item = v.path("item").asText();
        String verb = v.path("verb").asText();
        if (!"feed".equals(change.path("field").asText()) || !ITEMS.contains(item)) {
            return 3;
        }
        if (pageId != null && pageId.equals(v.path("from").path("id").asText())) {
            return 3;
        }
        String externalId = item.equals("comment") ? text(v, "comment_id") : text(v, "post_id");
        if (externalId == null) {
            LOG.infof("Facebook change without an id passed over: %s", v);
            return 3;
        }
        switch (verb) {
            case "add", "edited" -> {
                String message = text(v, "message");
                if (message == null || message.isBlank()) {
                    return 3;
                }
                if (complaints.removedBefore(conn, SOURCE, externalId)) {
                    LOG.infof("Facebook %s %s arrived after its removal; not taken", item, externalId);
                    return 3;
                }
                if (verb.equals("edited") && complaints.edit(conn, SOURCE, externalId, NewComplaint.fitted(message))) {
                    withdrawPending(conn, externalId, "redraft", "The customer edited the post", now, withdrawnDrafts);
                    return 1;
                }
                NewComplaint c = new NewComplaint(SOURCE, externalId,
                        new NewComplaint.Author(text(v, "from", "name"), text(v, "from", "id")),
                        NewComplaint.fitted(message),
                        text(v, "permalink_url") != null ? text(v, "permalink_url") : "https://www.facebook.com/" + externalId,
                        postedAt(v), null, null);
                boolean created = complaints.store(conn, c, now, item.equals("comment") ? text(v, "parent_id") : null).created();
                return created ? 0 : 3;
            }
            case "remove" -> {
                Optional<UUID> id = complaints.withdraw(conn, SOURCE, externalId, now);
                if (id.isPresent()) {
                    withdrawPending(conn, externalId, "withdrawn", "The customer removed the post", now, withdrawnDrafts);
                    audit.record(conn, id.get(), null, "withdrawn", SOURCE, now, "Removed on Facebook");
                }
                return 2;
            }
            default -> {
                return 3;
            }
        }
    }

    private void withdrawPending(Connection conn, String externalId, String status, String note, Instant now, List<UUID> out)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                update draft d set status = ?, decided_by = 'facebook', decided_at = ?, decision_note = ?
                from complaint c where c.id = d.complaint_id and c.source = ? and c.external_id = ? and d.status = 'pending'
                returning d.id""")) {
            ps.setString(1, status);
            ps.setTimestamp(2, java.sql.Timestamp.from(now));
            ps.setString(3, note);
            ps.setString(4, SOURCE);
            ps.setString(5, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        }
    }

    private static OffsetDateTime postedAt(JsonNode v) {
        JsonNode t = v.path("created_time");
        return t.isNumber() ? Instant.ofEpochSecond(t.asLong()).atOffset(ZoneOffset.UTC) : null;
    }

    private static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n.path(p);
        }
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
