package dev.ydmyk.facebook;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

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
        return Map.of("ydmyk.facebook.verify-token", VERIFY,
                "ydmyk.facebook.app-secret", SECRET,
                "ydmyk.facebook.page-id", PAGE,
                "ydmyk.facebook.page-token", "EAAB-page-token",
                "ydmyk.facebook.graph-url", "http://127.0.0.1:" + server.port() + "/v21.0",
                "ydmyk.publishing.callback-timeout", "PT1S",
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
