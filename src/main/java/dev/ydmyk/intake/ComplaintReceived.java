package dev.ydmyk.intake;

import java.util.UUID;

/** Fired (as a CDI event) after a new complaint is committed, so drafting can start at once. */
public record ComplaintReceived(UUID complaintId, String source) {
}
