package dev.ydmyk.triage;

import dev.ydmyk.guidelines.Phrases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everyday things a post names that point at no topic ({@code [things]} in {@code config/triage/<lang>.txt}:
 * "vaskemaskin*=vaskemaskinen", "the shower"): a reply may name them as the concrete detail. Each is written with
 * the form a reply uses, so "det du skriver om vaskemaskinen" stays grammatical; a plural the post itself writes
 * in its definite form ("radiatorerne") is taken as the post has it.
 */
record Things(Phrases words, Map<String, String> forms, Pattern definitePlural) {

    /** Definite plural endings per language: a word the post writes so can be named as it stands. */
    private static final Map<String, Pattern> PLURALS = Map.of(
            "nb", Pattern.compile(".*(ene)$"),
            "nn", Pattern.compile(".*(ane|ene|ne)$"),
            "da", Pattern.compile(".*(erne|ene)$"),
            "sv", Pattern.compile(".*(arna|orna|erna|na)$"));

    static Things from(List<String> lines, String language) {
        List<String> phrases = new ArrayList<>();
        Map<String, String> forms = new HashMap<>();
        for (String line : lines) {
            for (String word : line.split("\\s*,\\s*")) {
                int eq = word.indexOf('=');
                String phrase = (eq < 0 ? word : word.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                if (phrase.isEmpty()) {
                    continue;
                }
                if (eq >= 0) {
                    forms.put(phrase, word.substring(eq + 1).strip());
                }
                phrases.add(phrase);
            }
        }
        return new Things(Phrases.of(phrases), Map.copyOf(forms), PLURALS.get(language));
    }

    /** How a reply names what the post named; null when the form is not known. */
    String replyForm(Phrases.Match match, String language) {
        String compound = Compounds.definite(language, match);
        if (compound != null) {
            return compound; // "kjøkkenbenken" for "kjøkken*": the compound is the thing
        }
        String found = match.found().toLowerCase(Locale.ROOT);
        String form = forms.get(match.phrase());
        String stem = match.phrase().replace("*", "");
        if (form != null && definitePlural != null && found.length() > stem.length() + 2 && definitePlural.matcher(found).matches()) {
            return found;
        }
        if (form != null) {
            return form;
        }
        return !match.phrase().contains("*") || language.equals("en") ? found : null;
    }
}
