package dev.ydmyk.intake;

import java.util.List;
import java.util.UUID;

/** Fired (as a CDI event) after the personal data of these complaints was erased and committed: nothing in memory may keep their words. */
public record ComplaintsErased(List<UUID> complaintIds) {

    public ComplaintsErased {
        complaintIds = List.copyOf(complaintIds);
    }
}
