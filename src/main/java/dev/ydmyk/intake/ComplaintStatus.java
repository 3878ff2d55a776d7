package dev.ydmyk.intake;

import java.util.UUID;

/**
 * Where a stored complaint stands, in one word ("received", "awaiting-approval", "answered"…).
 * Only the later stages know, so they provide it; intake uses it to answer a repeated delivery.
 */
public interface ComplaintStatus {

    String of(UUID complaintId);
}
