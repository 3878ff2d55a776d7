package dev.ydmyk.triage;

import java.util.List;

/**
 * What the service understood of a post: its language, what kind of post it is, how serious, which
 * topics it touches ({@code topic}: the one it is clearly about, or null when that is not clear), the
 * concrete things a reply can name ({@code details}, each already in the form a reply uses: "pakken",
 * "the parcel"; kept in memory for the drafter, not stored), the staff member a post names, and
 * {@code flags} (injection, sarcasm, uncertain) with the {@code reasons} a person reads. {@code touched}: every topic
 * the post's words name, the clear one too (a side topic such as "kundeservice" in an outage report), for the storm
 * watch; not shown or stored.
 */
public record Triage(String language, Kind kind, Severity severity, List<String> topics, String topic,
                     List<String> details, String staff, List<String> flags, List<String> reasons, List<String> touched) {

    /** A reading whose shown topics are all it touches. */
    public Triage(String language, Kind kind, Severity severity, List<String> topics, String topic,
                  List<String> details, String staff, List<String> flags, List<String> reasons) {
        this(language, kind, severity, topics, topic, details, staff, flags, reasons, topics);
    }

    public static final String INJECTION = "injection";
    public static final String SARCASM = "sarcasm";
    public static final String UNCERTAIN = "uncertain";
    /**
     * With {@link #UNCERTAIN}: what is uncertain is whether the post asks or complains, never whether it praises (no kind
     * words, a grievance word or a rhetorical question), so a reply may apologise as to any complaint.
     */
    public static final String NO_KIND_WORDS = "no-kind-words";

    /** The topic a reply's topic phrase and remedy come from: the clear one, else {@code general}. */
    public String primaryTopic() {
        return topic == null ? "general" : topic;
    }

    public boolean flagged(String flag) {
        return flags.contains(flag);
    }
}
