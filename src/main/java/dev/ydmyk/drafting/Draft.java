package dev.ydmyk.drafting;

import dev.ydmyk.tone.ToneReport;

import java.time.Instant;
import java.util.UUID;

/**
 * A reply written for a complaint, waiting for (or past) a person's decision. {@code purpose} is
 * {@code reply} (the answer) or {@code report-back} (telling the customer what was done, as promised).
 */
public record Draft(UUID id, UUID complaintId, DraftStatus status, String language, String text, String drafter,
                    String hint, ToneReport toneCheck, Instant createdAt, String decidedBy, Instant decidedAt,
                    String note, String fallbackCause, String purpose) {

    public static final String REPLY = "reply";
    public static final String REPORT_BACK = "report-back";
}
