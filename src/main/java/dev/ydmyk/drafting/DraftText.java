package dev.ydmyk.drafting;

/**
 * A drafter's reply text, in which language, which drafter wrote it, and, when the chosen drafter
 * could not and the guideline drafter stood in, why ({@code fallbackCause}; otherwise null).
 */
public record DraftText(String text, String language, String drafter, String fallbackCause) {

    /** Stands where the approving agent's name will sign the reply. */
    public static final String AGENT = "{agent}";

    public DraftText(String text, String language, String drafter) {
        this(text, language, drafter, null);
    }

    public DraftText asFallback(String cause) {
        return new DraftText(text, language, drafter, cause);
    }
}
