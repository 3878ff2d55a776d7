package dev.ydmyk.channels;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static dev.ydmyk.storage.Database.ts;

/** The presence table: which agent is looking at which draft, the same on every instance. */
@ApplicationScoped
public class PresenceRepository {

    private final Database db;

    public PresenceRepository(Database db) {
        this.db = db;
    }

    /** The agent looks at the draft now; {@code draftId} null: at none. */
    void look(String login, String name, UUID draftId, Instant now) {
        db.tx(conn -> {
            if (draftId == null) {
                try (PreparedStatement ps = conn.prepareStatement("delete from presence where login = ?")) {
                    ps.setString(1, login);
                    return ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into presence (login, name, draft_id, seen_at) values (?, ?, ?, ?)
                    on conflict (login) do update set name = excluded.name, draft_id = excluded.draft_id, seen_at = excluded.seen_at""")) {
                ps.setString(1, login);
                ps.setString(2, name);
                ps.setObject(3, draftId);
                ps.setTimestamp(4, ts(now));
                return ps.executeUpdate();
            }
        });
    }

    /** Forgets the looks not renewed since {@code cutoff}; whether any were. */
    boolean expire(Instant cutoff) {
        return db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("delete from presence where seen_at < ?")) {
                ps.setTimestamp(1, ts(cutoff));
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The names looking at each draft since {@code cutoff}, by draft id, names in order. */
    Map<String, List<String>> byDraft(Instant cutoff) {
        return db.read(conn -> {
            Map<String, List<String>> by = new TreeMap<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "select draft_id, name from presence where seen_at >= ? order by draft_id, name")) {
                ps.setTimestamp(1, ts(cutoff));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> names = by.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                        if (!names.contains(rs.getString(2))) {
                            names.add(rs.getString(2));
                        }
                    }
                }
            }
            by.replaceAll((k, v) -> List.copyOf(v));
            return by;
        });
    }
}
