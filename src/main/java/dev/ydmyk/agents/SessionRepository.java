package dev.ydmyk.agents;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

import static dev.ydmyk.storage.Database.ts;

/** The revoked_session table: sessions signed out before they expire, shared by every instance. */
@ApplicationScoped
public class SessionRepository {

    private final Database db;

    public SessionRepository(Database db) {
        this.db = db;
    }

    /** The one signing key of every instance on this database: {@code candidate} if none was stored yet. */
    public byte[] sharedKey(byte[] candidate) {
        return db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("insert into session_key (id, key) values (1, ?) on conflict (id) do nothing")) {
                ps.setBytes(1, candidate);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("select key from session_key where id = 1");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        });
    }

    /** Revokes a session until it expires, and forgets revocations nobody can use any more. */
    public void revoke(String id, Instant expiresAt, Instant now) {
        db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "insert into revoked_session (id, expires_at) values (?, ?) on conflict (id) do nothing")) {
                ps.setString(1, id);
                ps.setTimestamp(2, ts(expiresAt));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("delete from revoked_session where expires_at < ?")) {
                ps.setTimestamp(1, ts(now));
                ps.executeUpdate();
            }
            return null;
        });
    }

    public boolean revoked(String id) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select 1 from revoked_session where id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
