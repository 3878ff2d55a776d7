package dev.ydmyk.drafting;

import dev.ydmyk.tone.ToneReport;

import java.time.Instant;
import java.util.UUID;

/**
 * A reply written for a complaint, waiting for (or past) a person's decision. {@code purpose} is
 * {@code reply} (the answer) or {@code report-back} (telling the customer what was done, as promised);
 * an incident's drafts ({@code incidentId} set) are also {@code statement} and {@code acknowledgement}.
 */
public record Draft(UUID id, UUID complaintId, DraftStatus status, String language, String text, String drafter,
                    String hint, ToneReport toneCheck, Instant createdAt, String decidedBy, Instant decidedAt,
                    String note, String fallbackCause, String purpose, UUID incidentId, String takenBy, Instant takenAt) {

    /** A draft nobody has taken (every new one). */
    public Draft(UUID id, UUID complaintId, DraftStatus status, String language, String text, String drafter, String hint,
                 ToneReport toneCheck, Instant createdAt, String decidedBy, Instant decidedAt, String note, String fallbackCause,
                 String purpose, UUID incidentId) {
        this(id, complaintId, status, language, text, drafter, hint, toneCheck, createdAt, decidedBy, decidedAt, note, fallbackCause,
                purpose, incidentId, null, null);
    }

    public static final String REPLY = "reply";
    public static final String REPORT_BACK = "report-back";
    /** An incident's public statement (one per language), anchored on the incident's first complaint. */
    public static final String STATEMENT = "statement";
    /** An incident member's personal answer: we know, we are sorry, here is what we said, we come back to you. */
    public static final String ACKNOWLEDGEMENT = "acknowledgement";

    public Draft(UUID id, UUID complaintId, DraftStatus status, String language, String text, String drafter,
                 String hint, ToneReport toneCheck, Instant createdAt, String decidedBy, Instant decidedAt,
                 String note, String fallbackCause, String purpose) {
        this(id, complaintId, status, language, text, drafter, hint, toneCheck, createdAt, decidedBy, decidedAt, note,
                fallbackCause, purpose, null);
    }
}
