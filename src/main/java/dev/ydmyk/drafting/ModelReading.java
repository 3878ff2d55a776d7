package dev.ydmyk.drafting;

import dev.ydmyk.triage.Kind;
import dev.ydmyk.triage.Severity;
import dev.ydmyk.triage.Triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the model read a post (kind, severity, topics, sarcasm), returned with its draft. Where it
 * disagrees with the offline triage, both are kept for the agent and the safer reading decides: a
 * possible complaint is a complaint, the higher severity stands, sarcasm is never thanked.
 */
public record ModelReading(String kind, String severity, List<String> topics, Boolean sarcasm) {

    /** The triage to keep: the offline one, made safer where the model reads the post as more serious. */
    public Triage reconcile(Triage offline) {
        Kind theirs = parseKind();
        Severity theirSeverity = parseSeverity();
        boolean theirSarcasm = Boolean.TRUE.equals(sarcasm);
        List<String> disagreements = new ArrayList<>();
        Kind kind = offline.kind();
        if (theirs != null && theirs != offline.kind()) {
            disagreements.add("kind " + theirs.wire());
            if (safer(theirs, offline.kind()) == theirs) {
                kind = theirs;
            }
        }
        Severity severity = offline.severity();
        if (theirSeverity != null && theirSeverity != offline.severity()) {
            disagreements.add("severity " + theirSeverity.wire());
            if (kind == Kind.COMPLAINT && theirSeverity.ordinal() > severity.ordinal()) {
                severity = theirSeverity;
            }
        }
        if (kind == Kind.COMPLAINT && severity == Severity.LOW) {
            severity = Severity.MEDIUM;
        }
        List<String> flags = new ArrayList<>(offline.flags());
        if (theirSarcasm != offline.flagged(Triage.SARCASM)) {
            disagreements.add(theirSarcasm ? "sarcastic" : "not sarcastic");
            if (theirSarcasm) {
                flags.add(Triage.SARCASM);
                kind = Kind.COMPLAINT;
                severity = severity == Severity.LOW ? Severity.MEDIUM : severity;
            }
        }
        if (disagreements.isEmpty()) {
            return offline;
        }
        if (!flags.contains(Triage.UNCERTAIN)) {
            flags.add(Triage.UNCERTAIN);
        }
        flags.remove(Triage.NO_KIND_WORDS); // the model may have read kind words the offline triage did not
        List<String> reasons = new ArrayList<>(offline.reasons());
        reasons.add("the model read it as " + String.join(", ", disagreements) + "; offline: " + offline.kind().wire() + ", "
                + offline.severity().wire() + (offline.flagged(Triage.SARCASM) ? ", sarcastic" : "") + "; the safer reading decides");
        return new Triage(offline.language(), kind, severity, offline.topics(), offline.topic(), offline.details(), offline.staff(),
                List.copyOf(flags), List.copyOf(reasons), offline.touched());
    }

    /** Complaint before question before praise before spam: a person reading too much into a post harms nobody. */
    static Kind safer(Kind a, Kind b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private Kind parseKind() {
        try {
            return kind == null ? null : Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Severity parseSeverity() {
        try {
            return severity == null ? null : Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
