package dev.ydmyk.schedule;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.approval.AuditTrail;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Sections;
import dev.ydmyk.intake.Complaint;
import dev.ydmyk.publishing.OutgoingReply;
import dev.ydmyk.storage.Database;
import dev.ydmyk.tone.ToneCheck;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/**
 * The one thing sent without a person's approval at the time: with {@code ydmyk.holding.enabled}
 * and an administrator's standing approval ({@code ydmyk.holding.approved-by}), a complaint that
 * arrives out of hours gets the short holding reply from {@code prompts/<lang>/holding.txt} at once
 * ("we have seen this; NAME will get back to you at 08:00"). Its full draft still waits for a person.
 */
@ApplicationScoped
public class HoldingReplies {

    private static final Logger LOG = Logger.getLogger(HoldingReplies.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final YdmykConfig config;
    private final BusinessHours hours;
    private final OnCall onCall;
    private final GuidelineFiles files;
    private final ToneCheck toneCheck;
    private final dev.ydmyk.publishing.Publishers publishers;
    private final Database db;
    private final AuditTrail audit;
    private final Clock clock;

    public HoldingReplies(YdmykConfig config, BusinessHours hours, OnCall onCall, GuidelineFiles files, ToneCheck toneCheck,
                          dev.ydmyk.publishing.Publishers publishers, Database db, AuditTrail audit, Clock clock) {
        this.config = config;
        this.hours = hours;
        this.onCall = onCall;
        this.files = files;
        this.toneCheck = toneCheck;
        this.publishers = publishers;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    void check(@Observes StartupEvent ev) {
        if (config.holding().enabled() && config.holding().approvedBy().filter(a -> !a.isBlank()).isEmpty()) {
            throw new IllegalStateException("ydmyk.holding.enabled=true needs ydmyk.holding.approved-by: "
                    + "the administrator whose standing approval the holding replies are sent under");
        }
    }

    /** Called once a complaint has been triaged and drafted: sends the holding reply if one is due. */
    public void afterDrafting(Complaint c, String language) {
        Instant now = clock.instant();
        if (!config.holding().enabled() || hours.isOpen(now)) {
            return;
        }
        String admin = config.holding().approvedBy().orElseThrow();
        Sections s = files.promptSections(language + "/holding.txt");
        List<String> variants = s.get("holding");
        if (variants.isEmpty()) {
            LOG.warnf("No [holding] text in prompts/%s/holding.txt: no holding reply for complaint %s", language, c.id());
            return;
        }
        String name = c.firstName();
        String who = onCall.at(now).map(Agent::name).map(n -> n.split(" ")[0]).orElse(s.get("team").isEmpty() ? "" : s.get("team").get(0));
        String opening = hours.nextOpening(now).map(i -> TIME.format(i.atZone(hours.zone()))).orElse("08:00");
        String text = variants.stream().filter(v -> name != null || !v.contains("{name}")).findFirst().orElse(variants.get(0))
                .replace("{name}", name == null ? "" : name).replace("{oncall}", who).replace("{opening}", opening)
                .replace("\\n", "\n").strip();
        if (!toneCheck.check(text, language, c.text()).clean()) {
            LOG.errorf("The holding reply in prompts/%s/holding.txt fails the tone check; not sending it", language);
            return;
        }
        boolean stored = db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into holding_reply (complaint_id, text, approved_by, created_at, next_attempt_at)
                    values (?, ?, ?, ?, ?) on conflict do nothing""")) {
                ps.setObject(1, c.id());
                ps.setString(2, text);
                ps.setString(3, admin);
                ps.setTimestamp(4, ts(now));
                ps.setTimestamp(5, ts(now));
                return ps.executeUpdate() == 1;
            }
        });
        if (stored) {
            attempt(c.id());
        }
    }

    @Scheduled(every = "${ydmyk.publishing.retry-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        List<UUID> due = db.read(conn -> {
            List<UUID> ids = new java.util.ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "select complaint_id from holding_reply where sent_at is null and next_attempt_at <= ? limit 50")) {
                ps.setTimestamp(1, ts(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
        due.forEach(this::attempt);
    }

    private void attempt(UUID complaintId) {
        db.tx(conn -> {
            OutgoingReply reply;
            int attempts;
            try (PreparedStatement ps = conn.prepareStatement("""
                    select h.*, c.source, c.external_id, c.url from holding_reply h join complaint c on c.id = h.complaint_id
                    where h.complaint_id = ? and h.sent_at is null for update of h skip locked""")) {
                ps.setObject(1, complaintId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    reply = new OutgoingReply(complaintId, null, rs.getString("source"), rs.getString("external_id"),
                            rs.getString("url"), rs.getString("text"), rs.getString("approved_by"), instant(rs.getTimestamp("created_at")),
                            rs.getInt("attempts"));
                    attempts = rs.getInt("attempts");
                }
            }
            Instant now = clock.instant();
            try {
                publishers.forSource(reply.source()).publish(reply);
            } catch (Exception e) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "update holding_reply set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where complaint_id = ?")) {
                    ps.setTimestamp(1, ts(now.plus(new dev.ydmyk.config.Backoff(config.publishing().initialBackoff(),
                            config.publishing().maxBackoff()).delay(attempts + 1))));
                    ps.setString(2, String.valueOf(e.getMessage()));
                    ps.setObject(3, complaintId);
                    ps.executeUpdate();
                }
                return null;
            }
            try (PreparedStatement ps = conn.prepareStatement("update holding_reply set sent_at = ?, attempts = attempts + 1 where complaint_id = ?")) {
                ps.setTimestamp(1, ts(now));
                ps.setObject(2, complaintId);
                ps.executeUpdate();
            }
            audit.record(conn, complaintId, null, "holding-reply-sent", reply.agent(), now,
                    "Out of hours, under the standing approval of " + reply.agent());
            return null;
        });
    }
}
