package dev.ydmyk.triage;

import dev.ydmyk.guidelines.Phrases;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Nordic compounds a listed stem opens ("bolig*" in "Boligforeningen", "tannlege*" in "Tannlegetimen"): the thing the
 * post names is the whole compound, not the stem's own noun ("boligen", "tannlegen"). Written in its definite form, the
 * compound is what a reply names ("det du skriver om boligforeningen"); otherwise the listed form is kept.
 */
final class Compounds {

    /** More letters than an inflection adds after a stem ("-ene", "-erne", "-arna"): a second word follows. */
    private static final int INFLECTION = 4;
    /** Definite singular (and plural) endings a reply can use after "om" as they stand. */
    private static final Map<String, Pattern> DEFINITE = Map.of(
            "nb", Pattern.compile(".*(en|et|ene)$"),
            "nn", Pattern.compile(".*(en|et|ane|ene|[^u]a)$"),
            "da", Pattern.compile(".*(en|et|erne|ene)$"),
            "sv", Pattern.compile(".*(en|et|an|na|ot)$"));

    private Compounds() {
    }

    /** The compound as the post writes it when a reply can name it so; null when the match is no compound in its definite form. */
    static String definite(String language, Phrases.Match match) {
        Pattern definite = DEFINITE.get(language);
        String phrase = match.phrase();
        if (definite == null || !phrase.endsWith("*") || phrase.indexOf(' ') >= 0) {
            return null;
        }
        String found = match.found().toLowerCase(Locale.ROOT);
        int stem = phrase.length() - 1;
        return found.length() - stem > INFLECTION && found.indexOf(' ') < 0 && definite.matcher(found).matches() ? found : null;
    }
}
