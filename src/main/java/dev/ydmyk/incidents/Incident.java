package dev.ydmyk.incidents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A storm: complaints about one thing, at once. {@code autoApproveBy} is the agent whose standing
 * decision approves later members' acknowledgements on arrival, until resolved or stopped. A merged incident
 * ({@link #MERGED}) names the one its members went to.
 */
public record Incident(UUID id, String status, String title, List<String> topics, String thread, Instant formedAt,
                       Instant firstAt, Instant lastAt, int size, int announced, String autoApproveBy, Instant resolvedAt,
                       String resolvedBy, String note, UUID mergedInto) {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
    /** One storm told twice: its members went to {@code mergedInto}. */
    public static final String MERGED = "merged";

    public boolean open() {
        return OPEN.equals(status);
    }
}
