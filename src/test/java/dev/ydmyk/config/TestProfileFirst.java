package dev.ydmyk.config;

import io.smallrye.config.PropertiesConfigSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The packaged {@code %test.*} keys again, at an ordinal above the operator's
 * config/application.properties (260): a plain key there outranks a profiled key from a
 * lower-ordinal source, and the suite must not run on the operator's tokens, agents or data folder.
 * Registered only on the test class path.
 */
public class TestProfileFirst extends PropertiesConfigSource {

    public static final int ORDINAL = 270;

    public TestProfileFirst() {
        super(testKeys(), "test keys of application.properties", ORDINAL);
    }

    static Map<String, String> testKeys() {
        URL url = TestProfileFirst.class.getClassLoader().getResource("application.properties");
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> keys = new HashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("%test.")).forEach(k -> keys.put(k, p.getProperty(k)));
        return keys;
    }
}
