package dev.ydmyk.triage;

import java.util.List;

/**
 * What the service understood of a post: its language, what kind of post it is, how serious, which
 * topics it is about, and the concrete words a reply can pick up ({@code details}: kept in memory
 * for the drafter, not stored). {@code flags} marks e.g. a post that tries to steer the assistant.
 */
public record Triage(String language, Kind kind, Severity severity, List<String> topics,
                     List<String> details, List<String> flags) {

    public String primaryTopic() {
        return topics.isEmpty() ? "general" : topics.get(0);
    }

    public boolean flagged(String flag) {
        return flags.contains(flag);
    }
}
