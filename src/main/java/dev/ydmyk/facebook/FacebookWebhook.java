package dev.ydmyk.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ydmyk.audit.AuditTrail;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.drafting.DraftRepository;
import dev.ydmyk.drafting.DraftingWorker;
import dev.ydmyk.intake.ComplaintReceived;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.intake.NewComplaint;
import dev.ydmyk.problem.CleanText;
import dev.ydmyk.storage.Database;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
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
 * Takes a Facebook Page webhook delivery: each change of each entry on its own (a savepoint each,
 * up to {@link #BATCH} changes a transaction, so a thousand-change delivery in a storm is answered
 * well within Meta's 20 s), taken once however often Meta redelivers it; its text cleaned of what
 * PostgreSQL cannot store and cut to the limits. A change that still cannot be taken (no id, an id
 * that cannot be stored, data the database refuses) is recorded as passed over with the reason, and
 * costs only itself. Feed posts, statuses and comments are complaints
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
    private static final long EARLIEST = 946_684_800L; // 2000-01-01
    private static final long LATEST = 253_402_300_799L; // 9999-12-31
    /** Changes per transaction: one commit (one flush to disk) per hundred instead of one each. */
    static final int BATCH = 100;

    private final Database db;
    private final ComplaintRepository complaints;
    private final DraftRepository drafts;
    private final AuditTrail audit;
    private final DraftingWorker drafting;
    private final Event<DraftChanged> changes;
    private final YdmykConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final FacebookPassedOverRepository passedOver;
    private final Event<ComplaintReceived> received;

    public FacebookWebhook(Database db, ComplaintRepository complaints, DraftRepository drafts, AuditTrail audit, DraftingWorker drafting,
                           Event<DraftChanged> changes, YdmykConfig config, Clock clock, MeterRegistry metrics,
                           FacebookPassedOverRepository passedOver, Event<ComplaintReceived> received) {
        this.passedOver = passedOver;
        this.received = received;
        this.db = db;
        this.complaints = complaints;
        this.drafts = drafts;
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
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode entry : delivery.path("entry")) {
            entry.path("changes").forEach(all::add);
        }
        int[] counts = new int[4];
        for (int from = 0; from < all.size(); from += BATCH) {
            Taken taken = takeBatch(all.subList(from, Math.min(all.size(), from + BATCH)), pageId, now);
            // Told as soon as its batch is committed: should a later batch fail, Meta redelivers, and what is stored
            // already is then taken as seen before, so this is the only time its events can be fired.
            metrics.counter("ydmyk.facebook.changes", "outcome", "added").increment(taken.counts[0]);
            metrics.counter("ydmyk.facebook.changes", "outcome", "ignored").increment(taken.counts[3]);
            taken.withdrawnDrafts.forEach(d -> changes.fire(new DraftChanged(d, DraftChanged.Change.WITHDRAWN, SOURCE)));
            taken.created.forEach(id -> received.fire(new ComplaintReceived(id, SOURCE)));
            if (taken.counts[1] > 0) {
                drafting.wake();
            }
            for (int i = 0; i < 4; i++) {
                counts[i] += taken.counts[i];
            }
        }
        return new Outcome(counts[0], counts[1], counts[2], counts[3]);
    }

    /** What a delivery's committed batches took: counts by outcome (added, edited, removed, ignored), drafts withdrawn, complaints created. */
    private static final class Taken {
        final int[] counts = new int[4];
        final List<UUID> withdrawnDrafts = new ArrayList<>();
        final List<UUID> created = new ArrayList<>();
    }

    private record Refused(JsonNode change, String reason) {
    }

    /**
     * Up to {@link #BATCH} changes in one transaction, each behind a savepoint: a change the database
     * refuses (bad data, sqlstate class 22 or 23) or that cannot be taken is rolled back alone and
     * recorded as passed over once the others are committed. Counted only when its batch commits.
     */
    private Taken takeBatch(List<JsonNode> batch, String pageId, Instant now) {
        Taken mine = new Taken();
        List<Refused> refused = new ArrayList<>();
        db.tx(conn -> {
            for (JsonNode change : batch) {
                List<UUID> withdrawn = new ArrayList<>();
                List<UUID> stored = new ArrayList<>();
                Savepoint before = conn.setSavepoint();
                try {
                    mine.counts[take(conn, change, pageId, now, withdrawn, stored)]++;
                    conn.releaseSavepoint(before);
                    mine.withdrawnDrafts.addAll(withdrawn);
                    mine.created.addAll(stored);
                } catch (SQLException e) {
                    if (!Database.refusesData(e)) {
                        throw e; // the database is down or busy: Meta gets an error and redelivers
                    }
                    conn.rollback(before);
                    refused.add(new Refused(change, "could not be stored (" + e.getMessage() + ")"));
                } catch (PassedOver p) {
                    conn.rollback(before);
                    refused.add(new Refused(change, p.getMessage()));
                }
            }
            return null;
        });
        mine.counts[3] += refused.size();
        for (Refused r : refused) {
            try {
                passOver(r.change(), r.reason(), now);
            } catch (RuntimeException e) {
                // The batch is committed and its events still to be told: the refused change is simply not recorded this time.
                LOG.warnf("Facebook change passed over (%s), but the record of it could not be written: %s", r.reason(), e.toString());
            }
        }
        return mine;
    }

    private void passOver(JsonNode change, String reason, Instant now) {
        String id = text(change.path("value"), "comment_id") != null ? text(change.path("value"), "comment_id") : text(change.path("value"), "post_id");
        LOG.infof("Facebook change %s passed over: %s", CleanText.of(id, 100), reason);
        metrics.counter("ydmyk.facebook.changes", "outcome", "passed-over").increment();
        passedOver.record(id, reason, change.toString(), now);
    }

    /** A change that cannot be taken, with the reason. */
    private static final class PassedOver extends RuntimeException {
        PassedOver(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One change; returns 0 added, 1 edited, 2 removed, 3 ignored. */
    private int take(Connection conn, JsonNode change, String pageId, Instant now, List<UUID> withdrawnDrafts, List<UUID> created)
            throws SQLException {
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
            throw new PassedOver("no " + (item.equals("comment") ? "comment_id" : "post_id"));
        }
        if (CleanText.firstFault(externalId) >= 0 || externalId.length() > 500) {
            // An id is not cleaned (that would make it another id); one that is not a Graph id is kept, and publishing says why it cannot answer.
            throw new PassedOver("the id cannot be stored (control characters, or over 500 characters)");
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
                    withdrawnDrafts.addAll(drafts.endPending(conn, SOURCE, externalId, "redraft", SOURCE, "The customer edited the post", now));
                    return 1;
                }
                NewComplaint c = new NewComplaint(SOURCE, externalId,
                        new NewComplaint.Author(NewComplaint.fittedName(text(v, "from", "name")), NewComplaint.fittedName(text(v, "from", "id"))),
                        NewComplaint.fitted(message), permalink(v, externalId), postedAt(v), null, null);
                String parent = item.equals("comment") ? text(v, "parent_id") : null;
                ComplaintRepository.Stored stored = complaints.store(conn, c, now,
                        CleanText.firstFault(parent == null ? "" : parent) < 0 ? CleanText.of(parent, 500) : null);
                if (stored.created()) {
                    created.add(stored.id());
                }
                return stored.created() ? 0 : 3;
            }
            case "remove" -> {
                Optional<UUID> id = complaints.withdraw(conn, SOURCE, externalId, now);
                if (id.isPresent()) {
                    withdrawnDrafts.addAll(drafts.endPending(conn, SOURCE, externalId, "withdrawn", SOURCE, "The customer removed the post", now));
                    audit.record(conn, id.get(), null, "withdrawn", SOURCE, now, "Removed on Facebook");
                }
                return 2;
            }
            default -> {
                return 3;
            }
        }
    }

    /** Seconds since 1970 as Meta sends them; anything else (1e15, -1e9, 1.5, "soon") leaves the time unknown. */
    private static OffsetDateTime postedAt(JsonNode v) {
        JsonNode t = v.path("created_time");
        if (!t.isIntegralNumber() || !t.canConvertToLong() || t.asLong() < EARLIEST || t.asLong() > LATEST) {
            return null;
        }
        return Instant.ofEpochSecond(t.asLong()).atOffset(ZoneOffset.UTC);
    }

    /** The post's own address when it is an http(s) one of sane length; Facebook's address for the id otherwise. */
    private static String permalink(JsonNode v, String externalId) {
        String url = text(v, "permalink_url");
        if (url != null && url.length() <= 2000 && CleanText.firstFault(url) < 0
                && (url.startsWith("https://") || url.startsWith("http://"))) {
            try {
                URI.create(url);
                return url;
            } catch (IllegalArgumentException e) {
                // not an address: Facebook's own below
            }
        }
        return "https://www.facebook.com/" + externalId;
    }

    private static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n.path(p);
        }
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
