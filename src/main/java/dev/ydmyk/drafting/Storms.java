package dev.ydmyk.drafting;

import dev.ydmyk.intake.Complaint;
import dev.ydmyk.triage.Triage;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a complaint that is part of a storm gets its first draft: the incident's personal
 * acknowledgement instead of a reply of its own (no model call per storm complaint). Provided by
 * the incidents feature; drafting only asks.
 */
public interface Storms {

    /** The acknowledgement to draft if the complaint belongs to an incident (joining it, or forming one now). */
    Optional<Acknowledgement> place(Complaint complaint, Triage triage, String language);

    record Acknowledgement(UUID incidentId, DraftText text) {
    }
}
