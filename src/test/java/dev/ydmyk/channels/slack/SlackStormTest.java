package dev.ydmyk.channels.slack;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A storm in Slack is one message, updated in place as it grows: not a message per complaint. */
@QuarkusTest
@TestProfile(SlackStormTest.Profile.class)
class SlackStormTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeSlack.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ydmyk.incidents.enabled", "true");
        }
    }

    static final List<String> OUTAGE = List.of(
            "Internett er nede igjen! Fiberen har vært borte siden i morges og jeg jobber hjemmefra.",
            "Hvorfor er nettet nede? Ingen fiber i hele Bergen siden kl 07, og ingen sier noe.",
            "Fiberen er død. Ikke noe internett siden i morges. Hva skjer??",
            "Nettet nede her også, fiber borte siden halv åtte. Har hjemmekontor og får ikke jobbet.",
            "Internett nede i hele nabolaget, fiberboksen blinker rødt siden i morges.",
            "Er det bare meg eller er fiberen nede? Ikke internett siden kl 07.",
            "Fiberen nede hos oss også, internett borte siden i morges.",
            "Ingen internett siden i morges, fiberen er død her i Åsane.",
            "Internett og fiber nede siden i morges, ungene får ikke gjort lekser.",
            "Fiber nede igjen siden i morges. Internett borte. Tredje gang!");

    @Inject
    AgroalDataSource ds;

    @Test
    void aGrowingStormIsOneSlackMessageUpdatedInPlace() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("update incident set status = 'resolved'");
        }
        Api.wipe(ds);
        FakeSlack.server.resetRequests();
        for (int i = 0; i < 6; i++) {
            Api.post(Api.complaint("web", "Kunde " + (char) ('A' + i) + " Berg", OUTAGE.get(i)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> FakeSlack.calls("chat.postMessage", "complaints, open)").size() == 1);
        int posted = FakeSlack.server.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).size();

        for (int i = 6; i < OUTAGE.size(); i++) {
            Api.post(Api.complaint("web", "Kunde " + (char) ('A' + i) + " Berg", OUTAGE.get(i)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !FakeSlack.calls("chat.update", "10 complaints").isEmpty());
        assertEquals(posted, FakeSlack.server.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).size(),
                "the members who joined later got no message of their own");
        assertEquals(1, FakeSlack.calls("chat.postMessage", "complaints, open)").size(), "one message for the incident");
        // The on-call agent is pinged once, by their Slack user.
        assertEquals(1, FakeSlack.calls("chat.postMessage", "Open the incident").size(), "one ping for the incident");
        assertEquals(1, FakeSlack.calls("chat.postMessage", "<@U0LARS>").size(), "Lars is on call");
    }
}
