package dev.ydmyk.schedule;

import dev.ydmyk.approval.Views;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.notices.Notice;
import dev.ydmyk.storage.BackgroundJob;
import dev.ydmyk.storage.Database;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * At opening time, one message in the channels about the night: how many complaints came, which are
 * severe, which breached the first-response deadline, and how many drafts are ready. Once a day,
 * however many instances run (the day is claimed in the database).
 */
@ApplicationScoped
public class MorningDigest {

    private final Database db;
    private final DigestRepository digests;
    private final BusinessHours hours;
    private final Event<Notice> notices;
    private final YdmykConfig config;
    private final Clock clock;

    public MorningDigest(Database db, DigestRepository digests, BusinessHours hours, Event<Notice> notices, YdmykConfig config, Clock clock) {
        this.db = db;
        this.digests = digests;
        this.hours = hours;
        this.notices = notices;
        this.config = config;
        this.clock = clock;
    }

    @BackgroundJob
    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendIfOpening();
    }

    /** Sends today's digest if customer service is open and it has not been sent today. */
    public Optional<Notice> sendIfOpening() {
        Instant now = clock.instant();
        if (!hours.isOpen(now)) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(hours.zone()).toLocalDate();
        Optional<Notice> notice = db.tx(conn -> {
            if (!digests.claimDay(conn, today, now)) {
                return Optional.<Notice>empty();
            }
            Instant since = hours.previousClosing(now).orElse(now.minus(Duration.ofHours(24)));
            List<DigestRepository.NightComplaint> night = digests.complaints(conn, since, now);
            List<String> severe = new ArrayList<>();
            int breached = 0;
            for (DigestRepository.NightComplaint c : night) {
                if ("high".equals(c.severity()) || "critical".equals(c.severity())) {
                    severe.add((c.authorName() == null ? "a customer" : c.authorName()) + " (" + c.severity() + ")");
                }
                Instant deadline = c.receivedAt().plus(config.sla().firstResponse());
                Instant first = Views.earliest(c.repliedAt(), c.heldAt());
                if (first == null ? now.isAfter(deadline) : first.isAfter(deadline)) {
                    breached++;
                }
            }
            List<String> lines = new ArrayList<>();
            lines.add(night.size() + " complaint(s) since we closed");
            lines.add(severe.isEmpty() ? "none severe" : "severe: " + String.join(", ", severe));
            lines.add(breached + " past the " + config.sla().firstResponse().toMinutes() + "-minute first-response deadline");
            lines.add(digests.pendingDrafts(conn) + " draft(s) ready for approval");
            return Optional.of(new Notice("morning-digest", "Good morning: the night in short", lines));
        });
        notice.ifPresent(notices::fire);
        return notice;
    }
}
