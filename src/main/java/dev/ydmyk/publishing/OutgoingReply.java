package dev.ydmyk.publishing;

import java.time.Instant;
import java.util.UUID;

/** An approved reply on its way to the customer, with where the complaint came from. */
public record OutgoingReply(UUID complaintId, UUID draftId, String source, String externalId, String url,
                            String text, String agent, Instant approvedAt, int attempts) {
}
