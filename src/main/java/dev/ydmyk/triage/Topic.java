package dev.ydmyk.triage;

import dev.ydmyk.guidelines.Phrases;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A topic from {@code config/topics.txt}: per language, the words that name the thing (usable as
 * the concrete detail of a reply, each with the form a reply uses: {@code pakke*=pakken}), the
 * signal words that only point at the topic ({@code ~word}), the phrases its words do not count inside ({@code !phrase}:
 * "!tar ikke telefonen" is the phone as the way to reach us, not a broken one), the remedy a reply may offer, and the
 * group of topics it belongs to for storms ({@code group:}, e.g. billing, refund and banking are money).
 */
public record Topic(String id, String remedy, String group, Map<String, Phrases> nouns, Map<String, Phrases> signals,
                    Map<String, Phrases> exclusions, Map<String, Map<String, String>> forms) {

    private static final Phrases NONE = Phrases.of(List.of());

    public Phrases nounsFor(String language) {
        return nouns.getOrDefault(language, NONE);
    }

    public Phrases signalsFor(String language) {
        return signals.getOrDefault(language, NONE);
    }

    /** Phrases inside which the topic's own words say nothing of it. */
    public Phrases exclusionsFor(String language) {
        return exclusions.getOrDefault(language, NONE);
    }

    /**
     * How a reply names what the post named: the form written after {@code =}; a word listed
     * without {@code *} as it stands; otherwise, in English only, the word as the post has it. Null
     * when the grammatical form is not known (a Nordic noun needs its definite form after "om"). A compound the
     * stem opens, written definite ("Boligforeningen" for "bolig*"), is named as the post writes it.
     */
    public String replyForm(String language, Phrases.Match match) {
        String compound = Compounds.definite(language, match);
        if (compound != null) {
            return compound;
        }
        String form = forms.getOrDefault(language, Map.of()).get(match.phrase());
        if (form != null) {
            return form;
        }
        if (!match.phrase().contains("*") || language.equals("en")) {
            return match.found().toLowerCase(Locale.ROOT);
        }
        return null;
    }
}
