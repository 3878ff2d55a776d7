package dev.ydmyk.triage;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a post is, in the order the approval queue serves them. */
public enum Kind {
    COMPLAINT, QUESTION, PRAISE, SPAM;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Kind of(String wire) {
        return wire == null ? null : valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
