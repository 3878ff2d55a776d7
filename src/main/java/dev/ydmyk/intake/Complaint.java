package dev.ydmyk.intake;

import dev.ydmyk.triage.Kind;
import dev.ydmyk.triage.Severity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A complaint (or question, praise, spam) as stored, with the triage once it has been read. */
public record Complaint(UUID id, String source, String externalId, String authorName, String authorHandle,
                        String text, String url, OffsetDateTime postedAt, String languageHint, Instant receivedAt,
                        StoredTriage triage, boolean needsDraft, String redraftHint, String reportBackNote,
                        String parentExternalId, Instant withdrawnAt, UUID incidentId) {

    public Complaint(UUID id, String source, String externalId, String authorName, String authorHandle,
                     String text, String url, OffsetDateTime postedAt, String languageHint, Instant receivedAt,
                     StoredTriage triage, boolean needsDraft, String redraftHint, String reportBackNote,
                     String parentExternalId, Instant withdrawnAt) {
        this(id, source, externalId, authorName, authorHandle, text, url, postedAt, languageHint, receivedAt, triage, needsDraft,
                redraftHint, reportBackNote, parentExternalId, withdrawnAt, null);
    }

    public record StoredTriage(String language, Kind kind, Severity severity, List<String> topics, List<String> flags,
                               List<String> reasons) {
    }

    /** The name to greet: the first word of the display name, if it looks like a name. */
    public String firstName() {
        if (authorName == null || authorName.isBlank()) {
            return null;
        }
        String first = authorName.strip().split("\\s+")[0];
        return first.chars().anyMatch(Character::isLetter) && Character.isLetter(first.codePointAt(0)) ? first : null;
    }
}
