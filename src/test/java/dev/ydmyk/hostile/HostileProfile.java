package dev.ydmyk.hostile;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Its own source token, Meta app secret and Slack signing secret, so every door can be knocked on with the right keys. */
public class HostileProfile implements QuarkusTestProfile {

    static final String SOURCE = "fuzz";
    static final String SOURCE_TOKEN = "fuzz-source-token";
    static final String META_SECRET = "fuzz-meta-app-secret";
    static final String PAGE = "1000000000001";
    static final String SLACK_SECRET = "fuzz-slack-signing-secret";
    static final String SLACK_USER = "UFUZZKARI";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ydmyk.sources.fuzz.token", SOURCE_TOKEN,
                "ydmyk.facebook.app-secret", META_SECRET,
                "ydmyk.facebook.page-id", PAGE,
                "ydmyk.slack.signing-secret", SLACK_SECRET,
                "ydmyk.agents.kari.slack-user", SLACK_USER,
                "quarkus.log.category.\"dev.ydmyk\".level", "WARN",
                // Slack is not configured here: telling the agent about each fuzzed click would be a WARN line per request
                "quarkus.log.category.\"dev.ydmyk.channels.slack.SlackInteractions\".level", "ERROR");
    }
}
