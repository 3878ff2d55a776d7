package dev.ydmyk.agents;

import dev.ydmyk.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.ydmyk.storage.Database.ts;

/** The provider_agent table: agents the identity provider signed in, as last seen, shared by every instance. */
@ApplicationScoped
public class ProviderAgentRepository {

    private final Database db;

    public ProviderAgentRepository(Database db) {
        this.db = db;
    }

    public void remember(Agent agent, Instant now) {
        db.tx(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("insert into provider_agent (login, name, admin, seen_at) values (?, ?, ?, ?) "
                    + "on conflict (login) do update set name = excluded.name, admin = excluded.admin, seen_at = excluded.seen_at")) {
                ps.setString(1, agent.login());
                ps.setString(2, agent.name());
                ps.setBoolean(3, agent.admin());
                ps.setTimestamp(4, ts(now));
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Agent> find(String login) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select name, admin from provider_agent where login = ?")) {
                ps.setString(1, login);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Agent(login, rs.getString(1), rs.getBoolean(2))) : Optional.empty();
                }
            }
        });
    }

    public Map<String, Agent> all() {
        return db.read(conn -> {
            Map<String, Agent> all = new HashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("select login, name, admin from provider_agent");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.put(rs.getString(1), new Agent(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
            return all;
        });
    }
}
