package dev.ydmyk.incidents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A storm: complaints about one thing, at once. {@code autoApproveBy} is the agent whose standing
 * decision approves later members' acknowledgements on arrival, until resolved or stopped.
 */
public record Incident(UUID id, String status, String title, List<String> topics, String thread, Instant formedAt,
                       Instant firstAt, Instant lastAt, int size, int announced, String autoApproveBy, Instant resolvedAt,
                       String resolvedBy, String note) {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    public boolean open() {
        return OPEN.equals(status);
    }
}
