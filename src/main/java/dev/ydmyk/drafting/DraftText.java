package dev.ydmyk.drafting;

/**
 * A drafter's reply text, in which language, which drafter wrote it, and, when the chosen drafter
 * could not and the guideline drafter stood in, why ({@code fallbackCause}; otherwise null);
 * {@code note} tells the agent something about the draft (what became of their redraft hint);
 * {@code reading} is how the model read the post, when a model wrote it.
 */
public record DraftText(String text, String language, String drafter, String fallbackCause, String note, ModelReading reading) {

    /** Stands where the approving agent's name will sign the reply. */
    public static final String AGENT = "{agent}";

    public DraftText(String text, String language, String drafter) {
        this(text, language, drafter, null, null, null);
    }

    public DraftText(String text, String language, String drafter, String fallbackCause) {
        this(text, language, drafter, fallbackCause, null, null);
    }

    public DraftText(String text, String language, String drafter, String fallbackCause, String note) {
        this(text, language, drafter, fallbackCause, note, null);
    }

    public DraftText asFallback(String cause) {
        return new DraftText(text, language, drafter, cause, note, reading);
    }
}
