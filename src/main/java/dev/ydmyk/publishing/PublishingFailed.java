package dev.ydmyk.publishing;

import java.util.UUID;

/** Fired after publishing gave up on a message (committed): it stays approved, marked failed with {@code reason}. */
public record PublishingFailed(UUID messageId, Purpose purpose, UUID complaintId, String source, int attempts, String reason) {
}
