package dev.ydmyk.drafting;

/** A drafter's reply text, in which language, and which drafter wrote it. */
public record DraftText(String text, String language, String drafter) {

    /** Stands where the approving agent's name will sign the reply. */
    public static final String AGENT = "{agent}";
}
