package dev.ydmyk;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The default ten-second undo window on approvals (the rest of the suite sends at once). */
public class UndoWindow implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ydmyk.approval.undo", "PT10S");
    }
}
