package dev.ydmyk.channels.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A local stand-in for Slack's Web API (chat.postMessage, chat.update, views.open,
 * chat.postEphemeral), answering as Slack documents: HTTP 200 with {"ok": true, ...}.
 */
public class FakeSlack implements QuarkusTestResourceLifecycleManager {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String CHANNEL = "C0COMPLAINTS";
    static WireMockServer server;
    private Map<String, String> overrides = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        overrides = initArgs;
    }

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeSlack.class));
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        ok("chat.postMessage", "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"{{randomValue length=10 type='NUMERIC'}}.000200\",\"message\":{\"type\":\"message\"}}");
        ok("chat.update", "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1.1\",\"text\":\"updated\"}");
        ok("views.open", "{\"ok\":true,\"view\":{\"id\":\"V0MODAL\",\"type\":\"modal\"}}");
        ok("auth.test", "{\"ok\":true,\"url\":\"https://ydmyk.slack.com/\",\"team\":\"Ydmyk\",\"user\":\"ydmyk\",\"team_id\":\"T0YDMYK\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}");
        ok("chat.postEphemeral", "{\"ok\":true,\"message_ts\":\"1700000000.000300\"}");
        Map<String, String> config = new HashMap<>(Map.of("ydmyk.slack.bot-token", "xoxb-test-token",
                "ydmyk.slack.signing-secret", SECRET,
                "ydmyk.slack.channel", CHANNEL,
                "ydmyk.slack.api-url", "http://127.0.0.1:" + server.port() + "/api/",
                "ydmyk.slack.post-interval", "PT0.05S",
                "ydmyk.agents.kari.slack-user", "U0KARI",
                "ydmyk.agents.lars.slack-user", "U0LARS"));
        config.putAll(overrides);
        return config;
    }

    private static void ok(String method, String body) {
        server.stubFor(post(urlEqualTo("/api/" + method)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body).withTransformers("response-template")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Calls of a Web API method whose (form-decoded) body contains the text. */
    static List<LoggedRequest> calls(String method, String containing) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream()
                .filter(r -> java.net.URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8).contains(containing))
                .toList();
    }
}
