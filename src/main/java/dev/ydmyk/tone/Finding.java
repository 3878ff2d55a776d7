package dev.ydmyk.tone;

/** One thing the tone check objects to: which rule, why, and the words that set it off. */
public record Finding(String rule, String message, String excerpt) {
}
