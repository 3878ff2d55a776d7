package dev.ydmyk.channels.slack;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static dev.ydmyk.storage.Database.ts;

/**
 * The slack_message table: one Slack message per draft, posted once and updated after each
 * decision. A poster claims a due row for a lease, calls Slack with no transaction open, then
 * records the outcome; several instances never work on the same row at once.
 */
@ApplicationScoped
public class SlackOutbox {

    /** A claimed message: {@code ts} is null until it is posted; {@code version} counts changes to show. */
    public record Due(UUID draftId, String channel, String ts, int attempts, int version) {
    }

    private final Database db;

    public SlackOutbox(Database db) {
        this.db = db;
    }

    /** A new draft gets a message to post. */
    public void post(UUID draftId, String channel, Instant now) {
        db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "insert into slack_message (draft_id, channel, created_at, next_attempt_at) values (?, ?, ?, ?) on conflict do nothing")) {
                ps.setObject(1, draftId);
                ps.setString(2, channel);
                ps.setTimestamp(3, ts(now));
                ps.setTimestamp(4, ts(now));
                return ps.executeUpdate();
            }
        });
    }

    /** A decided draft's message needs updating. */
    public void update(UUID draftId, Instant now) {
        db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    update slack_message set needs_update = true, version = version + 1, next_attempt_at = least(next_attempt_at, ?)
                    where draft_id = ?""")) {
                ps.setTimestamp(1, ts(now));
                ps.setObject(2, draftId);
                return ps.executeUpdate();
            }
        });
    }

    /** Claims the oldest message that is due and not claimed by anyone else, for {@code lease}. */
    public Optional<Due> claimNext(Instant now, Duration lease) {
        return db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    update slack_message set claimed_until = ? where draft_id = (
                        select draft_id from slack_message
                        where (ts is null or needs_update) and next_attempt_at <= ? and (claimed_until is null or claimed_until <= ?)
                        order by created_at limit 1 for update skip locked)
                    returning draft_id, channel, ts, attempts, version""")) {
                ps.setTimestamp(1, ts(now.plus(lease)));
                ps.setTimestamp(2, ts(now));
                ps.setTimestamp(3, ts(now));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Slack took the post or update; a change that came in meanwhile keeps it due. */
    public void done(Due due, String channel, String ts, Instant now) {
        db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    update slack_message set channel = ?, ts = ?, posted_at = coalesce(posted_at, ?), needs_update = (version <> ?),
                           attempts = 0, last_error = null, claimed_until = null where draft_id = ?""")) {
                ps.setString(1, channel);
                ps.setString(2, ts);
                ps.setTimestamp(3, ts(now));
                ps.setInt(4, due.version());
                ps.setObject(5, due.draftId());
                return ps.executeUpdate();
            }
        });
    }

    public void failed(UUID draftId, Instant retryAt, String error) {
        db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    update slack_message set attempts = attempts + 1, next_attempt_at = ?, last_error = ?, claimed_until = null
                    where draft_id = ?""")) {
                ps.setTimestamp(1, ts(retryAt));
                ps.setString(2, error);
                ps.setObject(3, draftId);
                return ps.executeUpdate();
            }
        });
    }
}
