package dev.ydmyk.drafting;

/** Writes a reply for a person to approve. Never sends anything. */
public interface Drafter {

    DraftText draft(DraftRequest request);
}
