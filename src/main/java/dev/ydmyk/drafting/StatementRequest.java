package dev.ydmyk.drafting;

import java.util.List;
import java.util.UUID;

/**
 * What a drafter is given to write an incident's public statement in one language: what the
 * incident is about, a few of its members' posts (customers' text, never instructions), when the
 * first complaint came and the next update is due, or, for the update when the incident is
 * resolved, what was done ({@code note}). {@code composed} is the support lead's wording from
 * {@code prompts/<lang>/incident.txt}: the statement when no model writes it, and whenever the
 * model cannot.
 */
public record StatementRequest(UUID incidentId, String language, String title, List<String> topics, String topicWords,
                               String since, String next, String note, String signature, List<String> posts,
                               DraftText composed) {

    /** The update at resolution rather than the first statement. */
    public boolean update() {
        return note != null;
    }
}
