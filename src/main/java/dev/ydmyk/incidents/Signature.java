package dev.ydmyk.incidents;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a short post is about, as words: lower-cased, folded (æ→ae, ø→o, ä→a, ...) so Norwegian,
 * Danish and Swedish spellings of one word meet, stop words of all five languages dropped, and every
 * word stripped of one inflection ending and cut to {@value #STEM} letters, a light stemmer that lets
 * inflections meet ("nettet"/"nett", "fiberen"/"fiber", "betalingen"/"betaling"); a long word also
 * counts, at half weight, as its first letters, so compounds meet their head ("fiberboksen"/"fiber"). Numbers of two or more
 * digits are kept: "kl 07", "3 dager" and an order number are evidence too.
 */
record Signature(Map<String, Double> terms, Map<String, String> words) {

    static final int STEM = 7;
    private static final int COMPOUND = 8;
    private static final int PREFIX = 5;

    /** Function words and the words every complaint uses; they say nothing about which grievance it is. */
    private static final Set<String> STOP = Set.copyOf(List.of(
            // nb / nn / da / sv
            "og", "i", "jeg", "det", "at", "en", "et", "den", "til", "er", "som", "pa", "de", "med", "han", "av", "ikke", "ikkje",
            "der", "sa", "var", "meg", "seg", "men", "ett", "har", "om", "vi", "min", "mitt", "ha", "hadde", "hun", "na", "over",
            "da", "ved", "fra", "du", "ut", "sin", "dem", "oss", "opp", "man", "kan", "hans", "hvor", "eller", "hva", "skal",
            "selv", "sjol", "her", "alle", "vil", "ble", "blei", "bli", "ingen", "inn", "nar", "vaere", "kom", "noen", "noe",
            "ville", "dere", "deres", "kun", "ja", "etter", "ned", "skulle", "denne", "for", "deg", "si", "sine", "sitt", "mot",
            "a", "meget", "hvorfor", "dette", "disse", "uten", "hvordan", "fordi", "dig", "jer", "ad", "af", "ind", "mig", "os",
            "hende", "hvad", "nu", "naar", "vore", "vores", "blev", "vaeret", "mange", "ogsa", "jo", "bare", "nok", "helt",
            "och", "att", "ar", "pa", "inte", "mig", "sig", "hon", "nar", "vad", "kunde", "hur", "mycket", "nagot", "nagon",
            "ni", "er", "era", "ert", "dessa", "utan", "vara", "bara", "sedan", "hos", "ocksa", "igen", "igjen", "enda", "endnu",
            "fortsatt", "stadig", "stadigvaek", "fortfarande", "idag", "dag", "dagen", "hei", "hej", "hallo", "takk", "tak", "tack",
            "dere", "dykk", "me", "eg", "ho", "kva", "kvifor", "korleis", "kor", "berre", "ogso", "frå", "fraa",
            // the words of every complaint, whatever it is about
            "kundeservice", "kundeserv", "kundesenter", "kundtjanst", "support", "svar", "svarer", "svarar", "svaret", "svare",
            "elendig", "darlig", "darligt", "skandale", "skandal", "skuffet", "skuffa", "besviken", "latterlig", "vanvittig",
            "utrolig", "faktisk", "virkelig", "verkligen", "altsa", "allerede", "redan", "aldri", "aldrig", "alltid", "altid",
            "firma", "selskap", "selskab", "foretag", "dere", "jer", "er", "hjelp", "hjaelp", "hjalp", "please", "plis",
            "e-post", "epost", "mail", "mails", "mejl", "email", "emails", "svarer", "svarar", "answers", "answer", "normalt", "normal",
            "tenkt", "taenkt", "tanker", "gjore", "gore", "gora", "going", "skuffet", "besviken", "disappointed", "meget", "veldig",
            "mycket", "ordnet", "noen", "nogen", "nagon", "nobody", "ingen", "inget", "gang", "ganger", "gange", "gangen", "times",
            // en
            "the", "and", "to", "of", "is", "in", "it", "you", "that", "was", "for", "on", "are", "with", "as", "my", "me",
            "at", "be", "this", "have", "from", "or", "had", "by", "not", "but", "what", "all", "were", "we", "when", "your",
            "can", "said", "there", "an", "which", "they", "do", "if", "will", "up", "out", "so", "about", "no", "its", "our",
            "just", "been", "has", "how", "any", "again", "still", "why", "who", "now", "get", "got", "im", "ive", "dont", "cant",
            "customer", "service", "nobody", "anyone", "terrible", "awful", "ridiculous", "really", "hi", "hello", "thanks",
            "very", "even", "one", "would", "could", "than", "then", "them", "their", "yet", "already", "never", "always"));

    static Signature of(String text) {
        Map<String, Double> counts = new HashMap<>();
        Map<String, String> words = new HashMap<>();
        String folded = fold(text);
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean word = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String stem = add(counts, folded.substring(start, i));
                // The word as written, for titles; folding keeps lengths except for æ/ø/œ/ß, so fall back to the folded form.
                if (stem != null) {
                    words.putIfAbsent(stem, lower.length() == folded.length() ? lower.substring(start, i) : folded.substring(start, i));
                }
                start = -1;
            }
        }
        double norm = Math.sqrt(counts.values().stream().mapToDouble(v -> v * v).sum());
        if (norm > 0) {
            counts.replaceAll((k, v) -> v / norm);
        }
        return new Signature(Map.copyOf(counts), Map.copyOf(words));
    }

    /** Counts one word; returns its term, or null if it says nothing. */
    private static String add(Map<String, Double> counts, String word) {
        boolean digits = word.chars().allMatch(Character::isDigit);
        if (word.length() < (digits ? 2 : 3) || word.length() > 40 || STOP.contains(word)) {
            return null;
        }
        if (digits) {
            counts.merge(word, 1.0, Double::sum);
            return word;
        }
        String stem = stem(word);
        if (STOP.contains(stem)) {
            return null;
        }
        counts.merge(stem, 1.0, Double::sum);
        // Compounds share their head: "fiberboksen" also counts, at half weight, as "fiber".
        if (word.length() >= COMPOUND) {
            counts.merge(word.substring(0, PREFIX), 0.5, Double::sum);
        }
        return stem;
    }

    /** Inflection endings of the five languages, longest first; one is cut if at least four letters remain. */
    private static final List<String> ENDINGS = List.of("heten", "erne", "arna", "orna", "erna", "ende", "ande", "ingen",
            "ene", "ane", "het", "ing", "ens", "ets", "ers", "ar", "er", "en", "et", "or", "na", "es", "ed", "s", "a", "e");

    static String stem(String word) {
        String w = word;
        for (String ending : ENDINGS) {
            if (w.endsWith(ending) && w.length() - ending.length() >= 4) {
                w = w.substring(0, w.length() - ending.length());
                break;
            }
        }
        return w.length() > STEM ? w.substring(0, STEM) : w;
    }

    /** Lower case without accents: æ→ae, ø→o, å→a, ä→a, ö→o, é→e; one alphabet for the five languages. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("œ", "oe").replace("ß", "ss");
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char ch = decomposed.charAt(i);
            if (Character.getType(ch) != Character.NON_SPACING_MARK) {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
