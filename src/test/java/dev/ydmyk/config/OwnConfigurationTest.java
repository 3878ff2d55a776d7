package dev.ydmyk.config;

import dev.ydmyk.Api;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The suite sets its own sources, agents and data folder: whatever the operator writes in
 * config/application.properties (read at ordinal 260, above the packaged file's 250), the test
 * profile still sees the values the tests use.
 */
class OwnConfigurationTest {

    @Test
    void theTestProfileKeepsItsOwnTokensAndAgentsWhateverTheOperatorConfigures() throws IOException {
        Map<String, String> operator = Map.of(
                "ydmyk.sources.facebook.token", "operator-changed-token",
                "ydmyk.sources.twitter.token", "operator-changed-token",
                "ydmyk.sources.email.token", "operator-changed-token",
                "ydmyk.sources.web.token", "operator-changed-token",
                "ydmyk.agents.kari.password", "operator-changed-password",
                "ydmyk.agents.lars.password", "operator-changed-password",
                "ydmyk.agents.demo.password", "operator-changed-password",
                "ydmyk.embedded-db.data-dir", "data/pg");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("test")
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(packaged(), "application.properties", 250))
                .withSources(new PropertiesConfigSource(operator, "config/application.properties", 260))
                .withSources(new TestProfileFirst())
                .build();

        for (String source : new String[] {"facebook", "twitter", "email", "web"}) {
            assertEquals(Api.SOURCE_TOKEN, config.getValue("ydmyk.sources." + source + ".token", String.class), source);
        }
        assertEquals("kari-test", config.getValue("ydmyk.agents.kari.password", String.class));
        assertEquals("lars-test", config.getValue("ydmyk.agents.lars.password", String.class));
        assertEquals("target/embedded-pg", config.getValue("ydmyk.embedded-db.data-dir", String.class));
    }

    private static Map<String, String> packaged() throws IOException {
        URL url = OwnConfigurationTest.class.getClassLoader().getResource("application.properties");
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        }
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }
}
