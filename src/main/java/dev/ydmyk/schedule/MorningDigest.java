package dev.ydmyk.schedule;

import dev.ydmyk.channels.ChannelFanout;
import dev.ydmyk.channels.Notice;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.storage.Database;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.ydmyk.storage.Database.instant;
import static dev.ydmyk.storage.Database.ts;

/**
 * At opening time, one message in the channels about the night: how many complaints came, which are
 * severe, which breached the first-response deadline, and how many drafts are ready. Once a day,
 * however many instances run (the day is claimed in the database).
 */
@ApplicationScoped
public class MorningDigest {

    private final Database db;
    private final BusinessHours hours;
    private final ChannelFanout fanout;
    private final YdmykConfig config;
    private final Clock clock;

    public MorningDigest(Database db, BusinessHours hours, ChannelFanout fanout, YdmykConfig config, Clock clock) {
        this.db = db;
        this.hours = hours;
        this.fanout = fanout;
        this.config = config;
        this.clock = clock;
    }

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
            Instant since = hours.previousClosing(now).orElse(now.minus(Duration.ofHours(24)));
            try (PreparedStatement ps = conn.prepareStatement("insert into digest (day, at) values (?, ?) on conflict do nothing")) {
                ps.setObject(1, today);
                ps.setTimestamp(2, ts(now));
                if (ps.executeUpdate() == 0) {
                    return Optional.<Notice>empty();
                }
            }
            int complaints = 0;
            List<String> severe = new ArrayList<>();
            int breached = 0;
            try (PreparedStatement ps = conn.prepareStatement("""
                    select c.author_name, c.severity, c.received_at,
                           (select min(r.sent_at) from reply r where r.complaint_id = c.id) as replied,
                           (select h.sent_at from holding_reply h where h.complaint_id = c.id) as held
                    from complaint c where c.kind = 'complaint' and c.received_at >= ? and c.received_at < ?
                    order by c.received_at""")) {
                ps.setTimestamp(1, ts(since));
                ps.setTimestamp(2, ts(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        complaints++;
                        String sev = rs.getString("severity");
                        if ("high".equals(sev) || "critical".equals(sev)) {
                            severe.add((rs.getString(1) == null ? "a customer" : rs.getString(1)) + " (" + sev + ")");
                        }
                        Instant deadline = instant(rs.getTimestamp("received_at")).plus(config.sla().firstResponse());
                        Instant first = earliest(instant(rs.getTimestamp("replied")), instant(rs.getTimestamp("held")));
                        if (first == null ? now.isAfter(deadline) : first.isAfter(deadline)) {
                            breached++;
                        }
                    }
                }
            }
            int ready;
            try (PreparedStatement ps = conn.prepareStatement("select count(*) from draft where status = 'pending'")) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ready = rs.getInt(1);
                }
            }
            List<String> lines = new ArrayList<>();
            lines.add(complaints + " complaint(s) since we closed");
            lines.add(severe.isEmpty() ? "none severe" : "severe: " + String.join(", ", severe));
            lines.add(breached + " past the " + config.sla().firstResponse().toMinutes() + "-minute first-response deadline");
            lines.add(ready + " draft(s) ready for approval");
            return Optional.of(new Notice("morning-digest", "Good morning: the night in short", lines));
        });
        notice.ifPresent(fanout::notice);
        return notice;
    }

    public static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
