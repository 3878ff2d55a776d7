package dev.ydmyk.channels;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Who is looking at which draft is the same on every instance: a look is kept in the database, so a page
 * sees colleagues who looked through another instance, not only those its own instance heard about.
 */
@QuarkusTest
class PresenceTest {

    @Inject
    AgroalDataSource ds;
    @Inject
    Clock clock;

    @BeforeEach
    @AfterEach
    void nobodyLooking() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from presence");
        }
    }

    private static String pendingDraft() {
        String complaint = Api.post(Api.complaint("web", "Ola Nordmann", "Pakken min kom aldri, og ingen svarer meg. Skuffende."));
        return Api.latestDraftId(Api.awaitDrafts(complaint, 1));
    }

    private static Map<String, List<String>> look(io.restassured.specification.RequestSpecification agent, String draft) {
        Map<String, Object> body = new HashMap<>();
        body.put("draftId", draft);
        return agent.body(body).post("/api/channel/presence").then().statusCode(200).extract().as(Map.class);
    }

    /** What another instance writes when its agent looks: the row, and no signal this instance hears. */
    private void lookedElsewhere(String login, String name, String draft, Instant at) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into presence (login, name, draft_id, seen_at) values (?, ?, ?, ?)")) {
            ps.setString(1, login);
            ps.setString(2, name);
            ps.setObject(3, UUID.fromString(draft));
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    @Test
    void aColleagueLookingThroughAnotherInstanceIsShownAndOwnLookAtOnce() throws SQLException {
        String draft = pendingDraft();
        lookedElsewhere("ola", "Ola Nordmann", draft, clock.instant());

        // The answer to Kari's own look already has her, and Ola, who looked through the other instance.
        assertEquals(List.of("Kari Nordmann", "Ola Nordmann"), look(Api.asKari(), draft).get(draft));
        assertEquals(List.of("Kari Nordmann", "Lars Jensen", "Ola Nordmann"), look(Api.asLars(), draft).get(draft));

        // Looking away is forgotten at once.
        Map<String, Object> away = new HashMap<>();
        away.put("draftId", null);
        Api.asKari().body(away).post("/api/channel/presence").then().statusCode(200);
        assertEquals(List.of("Lars Jensen", "Ola Nordmann"), look(Api.asLars(), draft).get(draft));
    }

    @Test
    void aLookNotRenewedForAMinuteIsNoLongerShown() throws SQLException {
        String draft = pendingDraft();
        String other = pendingDraft();
        lookedElsewhere("ola", "Ola Nordmann", draft, clock.instant().minusSeconds(60));

        Map<String, List<String>> seen = look(Api.asKari(), other);
        assertNull(seen.get(draft), "a look from a page closed a minute ago: " + seen);
        assertEquals(List.of("Kari Nordmann"), seen.get(other));
    }
}
