package dev.ydmyk.incidents;

import java.util.UUID;

/** Fired after an incident's change is committed: the channels redraw its one card, the schedule pings on-call once. */
public record IncidentChanged(UUID incidentId, Change change, int size) {

    public enum Change {
        FORMED, GREW, DECIDED, RESOLVED,
        /** A member's personal data was erased: the card shows them as erased. */
        ERASED,
        /** Its members went to another incident (one storm told twice): its card goes. */
        MERGED
    }
}
