package dev.ydmyk.drafting;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** pending → approved → sent; or rejected; or redraft (a new pending draft follows); or withdrawn (the post was removed). */
public enum DraftStatus {
    PENDING, APPROVED, SENT, REJECTED, REDRAFT, WITHDRAWN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DraftStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
