package dev.ydmyk.triage;

import dev.ydmyk.guidelines.Phrases;

import java.util.List;
import java.util.Map;

/**
 * A topic from {@code config/topics.txt}: per language, the words that name the thing (usable as
 * the concrete detail of a reply) and the signal words that only point at the topic ({@code ~word}),
 * and the remedy a reply may offer.
 */
public record Topic(String id, String remedy, Map<String, Phrases> nouns, Map<String, Phrases> signals) {

    private static final Phrases NONE = Phrases.of(List.of());

    public Phrases nounsFor(String language) {
        return nouns.getOrDefault(language, NONE);
    }

    public Phrases signalsFor(String language) {
        return signals.getOrDefault(language, NONE);
    }
}
