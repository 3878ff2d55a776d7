package dev.ydmyk.facebook;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

/** A local stand-in for the Graph API, answering as Meta documents (ids, and {"error": {...}} objects). */
public class FakeGraph implements QuarkusTestResourceLifecycleManager {

    static final String PAGE = "104471295237";
    static final String SECRET = "app-secret-for-tests";
    static final String VERIFY = "ydmyk-verify";
    static WireMockServer server;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeGraph.class));
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        // Reading an edge back (the publisher does so after an attempt whose outcome it does not know): Meta answers
        // {"data": [...]}; empty unless a test says otherwise.
        server.stubFor(get(urlMatching("/v21\\.0/[0-9_]+/(feed|comments)\\?.*")).atPriority(10).willReturn(okJson("{\"data\":[]}")));
        return Map.of("ydmyk.facebook.verify-token", VERIFY,
                "ydmyk.facebook.app-secret", SECRET,
                "ydmyk.facebook.page-id", PAGE,
                "ydmyk.facebook.page-token", "EAAB-page-token",
                "ydmyk.facebook.graph-url", "http://127.0.0.1:" + server.port() + "/v21.0",
                "ydmyk.publishing.callback-timeout", "PT2S",
                // A rate limit pauses all publishing to the page; short here, so the tests after it do not wait a minute.
                "ydmyk.facebook.rate-limit-wait", "PT5S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
