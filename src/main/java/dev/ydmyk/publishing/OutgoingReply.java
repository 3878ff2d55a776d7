package dev.ydmyk.publishing;

import java.time.Instant;
import java.util.UUID;

/**
 * A message on its way to the customer, with where the complaint came from. {@code messageId} is
 * this message's own id (the root of its Message-ID and Idempotency-Key), never shared with another
 * message to the same complaint; {@code draftId} is null for messages without a draft (holding replies).
 */
public record OutgoingReply(UUID messageId, Purpose purpose, UUID complaintId, UUID draftId, String source, String externalId,
                            String url, String text, String agent, Instant approvedAt, int attempts) {
}
