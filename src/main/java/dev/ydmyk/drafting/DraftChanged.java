package dev.ydmyk.drafting;

import java.util.UUID;

/**
 * Fired (as a CDI event) after a draft's change is committed: a new draft, a decision, a sent reply.
 * The chat channels listen, so an action in one shows in all. {@code ERASED}: the customer's data was erased
 * (GDPR Art. 17); the draft's text is gone and a pending one is withdrawn.
 */
public record DraftChanged(UUID draftId, Change change, String actor) {

    public enum Change { CREATED, APPROVED, SENT, REJECTED, REDRAFT, WITHDRAWN, ERASED,
        /** An approval taken back within its undo window: the draft is pending again. */
        UNDONE,
        /** An agent took the draft, or let it go: it is still pending. */
        TAKEN, RELEASED }
}
