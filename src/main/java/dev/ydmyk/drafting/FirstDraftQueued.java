package dev.ydmyk.drafting;

import dev.ydmyk.intake.Complaint;
import dev.ydmyk.triage.Kind;

/**
 * Fired (as a CDI event) when a complaint's first draft is committed and waits for a person: the
 * moment an after-hours holding reply may go out.
 */
public record FirstDraftQueued(Complaint complaint, Kind kind, String language) {
}
