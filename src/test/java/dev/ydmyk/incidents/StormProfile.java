package dev.ydmyk.incidents;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Storm detection on (the rest of the suite runs without it, so its similar test posts stay ordinary complaints). */
public class StormProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ydmyk.incidents.enabled", "true");
    }
}
