package dev.ydmyk.approval;

import dev.ydmyk.tone.ToneReport;

import java.time.Instant;
import java.util.UUID;

/** A reply written for a complaint, waiting for (or past) a person's decision. */
public record Draft(UUID id, UUID complaintId, DraftStatus status, String language, String text, String drafter,
                    String hint, ToneReport toneCheck, Instant createdAt, String decidedBy, Instant decidedAt,
                    String note, String fallbackCause) {
}
