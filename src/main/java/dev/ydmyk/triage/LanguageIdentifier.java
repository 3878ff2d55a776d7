package dev.ydmyk.triage;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.ydmyk.config.ReplyLanguage;
import dev.ydmyk.config.YdmykConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Offline language identification with Lingua, loaded with only the languages we serve (the full
 * model set is large) and its models packed ({@link PackedLanguageModels}). Models load in the background from start-up, so the service is ready at once and
 * the first triage waits only for what is left of the loading.
 */
@Startup
@ApplicationScoped
public class LanguageIdentifier {

    private static final Logger LOG = Logger.getLogger(LanguageIdentifier.class);

    /**
     * Everyday words that Swedish has and Norwegian and Danish do not, and the other way round. Not "hej", which greets in
     * Danish as it does in Swedish ("Hej. Mobilnettet er nede i Roskilde." is Danish), nor "mitt" ("Mitt kort ble avvist" is
     * Bokmål) or "ni" (nine, in Norwegian and Danish).
     */
    private static final Set<String> SWEDISH_ONLY = Set.of("att", "och", "inte", "jag", "är", "hur", "vad", "från",
            "mycket", "också", "varför", "när", "mina", "tack");
    private static final Set<String> DANO_NORWEGIAN_ONLY = Set.of("ikke", "jeg", "og", "hva", "hvad", "hvorfor", "hvornår",
            "når", "fra", "også", "meget", "mye", "hei", "takk", "tak", "dere", "jer", "deres", "jeres");

    private static final Set<String> DANO_NORWEGIAN = Set.of(ReplyLanguage.NB.code(), ReplyLanguage.NN.code(), ReplyLanguage.DA.code());
    /** The same everyday words as Bokmål and as Danish spell them. */
    private static final Set<String> BOKMAL_SPELLING = Set.of("dere", "deres", "hva", "nå", "mye", "meg", "deg", "seg", "noe",
            "noen", "etter", "gjøre", "hadde", "tilbake", "uten", "aldri", "fått", "kjøpt", "ble", "bli", "fortsatt", "sånn",
            "kanskje", "veldig", "spørsmål", "hjelp", "hjelpe", "helga", "ei", "enda", "fikk", "si", "sier", "vært", "skjedd",
            "takk", "bra", "kveld", "gjøres", "mas", "lenge");
    private static final Set<String> DANISH_SPELLING = Set.of("jer", "jeres", "hvad", "nu", "meget", "mig", "dig", "sig", "noget",
            "nogen", "efter", "gøre", "havde", "tilbage", "uden", "aldrig", "fået", "købt", "blev", "blive", "stadig", "sådan",
            "måske", "virkelig", "spørgsmål", "hjælp", "hjælpe", "weekenden", "endnu", "fik", "sige", "siger", "været", "sket",
            "tak", "aften", "gøres", "besvær", "længe", "lige");

    /** Everyday words only Nynorsk spells so: where a post uses them, it is Nynorsk, whatever the statistics say. */
    private static final Set<String> NYNORSK_SPELLING = Set.of("ikkje", "eg", "kva", "korleis", "kvifor", "kvar", "kven", "heime",
            "frå", "berre", "meir", "noko", "nokon", "sjølv", "fekk", "vart", "kjem", "kome", "høyre", "dykk", "dykkar", "mykje",
            "eit", "ein", "ho", "enno", "gong", "gongen", "difor", "trur", "seier", "venta", "ventar", "saman",
            "korkje", "no", "gjekk", "trudde", "heile", "sidan", "veke", "veker", "dei", "gjere", "gjer", "sjå", "pengar",
            "heimanfrå", "minutt", "helsing", "utan", "gonger", "tek", "heilt", "vore", "skikkeleg", "framleis", "mogleg", "nøgd",
            "kjempenøgd");
    /** Nynorsk spellings that are also Bokmål ("venta", "ett minutt") or English ("no"): they count only beside another. */
    private static final Set<String> NYNORSK_ALSO_ELSEWHERE = Set.of("no", "venta", "minutt");
    /** The endings of web addresses: "butikken.no" holds no Nynorsk "no". */
    private static final Set<String> DOMAINS = Set.of("no", "dk", "se", "com", "net", "org", "nu", "eu", "io", "uk");
    private static final Set<String> BOKMAL_ONLY = Set.of("ikke", "jeg", "hva", "hvordan", "hvorfor", "hvor", "hvem", "hjemme",
            "fra", "bare", "mer", "noe", "noen", "selv", "fikk", "ble", "kommer", "høre", "dere", "deres", "mye", "et", "en", "hun",
            "ennå", "gang", "gangen", "derfor", "tror", "sier", "ventet", "vært", "sammen", "nå");

    private final CompletableFuture<LanguageDetector> detector;
    private final double minimumMargin;

    public LanguageIdentifier(YdmykConfig config) {
        List<Language> languages = new ArrayList<>();
        for (String code : config.triage().languages()) {
            languages.add(byCode(code).orElseThrow(() ->
                    new IllegalArgumentException("ydmyk.triage.languages: unknown language '" + code + "'")));
        }
        // Loaded beside the start-up, not in its way: intake is ready at once, and the first triage waits for the models.
        this.detector = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                // Lingua's own models, packed (PackedLanguageModels): the same answers in a fifth of the memory.
                PackedLanguageModels.load(languages);
                detector.complete(LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new)).build());
                LOG.infof("Language models loaded for %s in %d ms", config.triage().languages(), (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException | Error e) {
                detector.completeExceptionally(e);
                LOG.error("Language models could not be loaded", e);
            }
        }, "ydmyk-language-models");
        loader.setDaemon(true);
        loader.start();
        this.minimumMargin = config.triage().minimumMargin();
    }

    /** The post's language as an ISO 639-1 code, or empty when the detector is not sure enough. */
    public Optional<String> identify(String text) {
        Map<Language, Double> confidence = detector.join().computeLanguageConfidenceValues(text);
        if (confidence.isEmpty()) {
            return Optional.empty();
        }
        Set<String> possible = spelledAs(text);
        var ranked = confidence.entrySet().stream()
                .filter(e -> possible.isEmpty() || possible.contains(code(e.getKey())))
                .sorted(Map.Entry.<Language, Double>comparingByValue().reversed()).toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        double best = ranked.get(0).getValue();
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0.0;
        String top = code(ranked.get(0).getKey());
        if (DANO_NORWEGIAN.contains(top)) {
            // Nynorsk's own spellings, or the statistics' reading where the post is too short for two of them but has one and
            // none of Bokmål's: the Bokmål-or-Danish check below reads only the words Bokmål and Danish spell apart, and
            // would make it Bokmål. Without one such word a short post reads as either standard: Bokmål, the common one.
            if (nynorsk(text) || (ReplyLanguage.NN.code().equals(top) && leansNynorsk(text))) {
                return Optional.of(ReplyLanguage.NN.code());
            }
            // The statistics' Nynorsk with a word only Bokmål spells so ("et", "dere") and none of Nynorsk's: Bokmål.
            if (ReplyLanguage.NN.code().equals(top) && leansBokmal(text)) {
                return Optional.of(ReplyLanguage.NB.code());
            }
            // Bokmål and Danish share most words; where they spell the everyday ones differently, trust that.
            String settled = bokmalOrDanish(text);
            if (settled != null) {
                return Optional.of(settled);
            }
        }
        if (ranked.get(0).getKey() == Language.UNKNOWN || best - second < minimumMargin) {
            return Optional.empty();
        }
        return Optional.of(top);
    }

    /**
     * The post's language where the source names one ({@code hint}, e.g. a Danish page's "da"): the detector's reading, or the
     * source's where the detector is unsure, or where Bokmål, Nynorsk and Danish are not told apart by the post's spelling.
     * "MitID har ikke virket hele formiddagen" is Bokmål to the statistics and Danish on a Danish page; "Eg har ikkje fått
     * svar" is Nynorsk wherever it is posted. Empty only when the detector is unsure and no source names a language.
     */
    public Optional<String> identify(String text, String hint) {
        Optional<String> read = identify(text);
        if (read.isEmpty()) {
            return Optional.ofNullable(hint);
        }
        if (hint != null && DANO_NORWEGIAN.contains(hint) && DANO_NORWEGIAN.contains(read.get()) && !read.get().equals(hint)
                && !spelledApart(text, hint)) {
            return Optional.of(hint);
        }
        return read;
    }

    /** Everyday words spelled so in only one of Bokmål, Nynorsk and Danish; for a Nynorsk source, also "ikke" or "jeg". */
    private static boolean spelledApart(String text, String hint) {
        return nynorsk(text) || leansNynorsk(text) || bokmalOrDanish(text) != null
                || (ReplyLanguage.NN.code().equals(hint) && leansBokmal(text));
    }

    /**
     * Letters that settle what the statistics may confuse in short posts: Norwegian and Danish write
     * æ and ø, never ä or ö; Swedish (and German, Finnish) the other way round. Empty: no constraint.
     */
    static Set<String> spelledAs(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        Set<String> words = new HashSet<>(Arrays.asList(t.split("[^\\p{L}]+")));
        boolean swedishWords = SWEDISH_ONLY.stream().anyMatch(words::contains);
        boolean danoNorwegianWords = DANO_NORWEGIAN_ONLY.stream().anyMatch(words::contains);
        boolean aeOe = t.indexOf('æ') >= 0 || t.indexOf('ø') >= 0;
        boolean aUmlautOUmlaut = t.indexOf('ä') >= 0 || t.indexOf('ö') >= 0;
        if (aeOe && !aUmlautOUmlaut) {
            return Set.of("nb", "nn", "da");
        }
        if (aUmlautOUmlaut && !aeOe) {
            return Set.of("sv", "de", "fi");
        }
        // Nynorsk's own spellings outweigh a word Swedish shares with it ("straumen gjekk att", "att" is "igjen" in Nynorsk).
        if (nynorsk(text)) {
            return Set.of("nb", "nn", "da");
        }
        // Short posts without those letters: the small words give it away.
        if (swedishWords && !danoNorwegianWords) {
            return Set.of("sv", "de", "fi", "en");
        }
        if (danoNorwegianWords && !swedishWords) {
            return Set.of("nb", "nn", "da", "de", "fi", "en");
        }
        return Set.of();
    }

    /** Nynorsk's own spellings of everyday words outnumber Bokmål's ("eg", "ikkje", "kva" against "jeg", "ikke", "hva"), one of them Nynorsk's alone. */
    static boolean nynorsk(String text) {
        int nn = 0;
        int onlyNynorsk = 0;
        int nb = 0;
        for (String w : words(text)) {
            nn += NYNORSK_SPELLING.contains(w) ? 1 : 0;
            onlyNynorsk += NYNORSK_SPELLING.contains(w) && !NYNORSK_ALSO_ELSEWHERE.contains(w) ? 1 : 0;
            nb += BOKMAL_ONLY.contains(w) ? 1 : 0;
        }
        return nn >= 2 && nn > nb && onlyNynorsk >= 1;
    }

    /** At least one of Nynorsk's own spellings of everyday words and none of Bokmål's. */
    static boolean leansNynorsk(String text) {
        int nn = 0;
        for (String w : words(text)) {
            if (BOKMAL_ONLY.contains(w)) {
                return false;
            }
            nn += NYNORSK_SPELLING.contains(w) && !NYNORSK_ALSO_ELSEWHERE.contains(w) ? 1 : 0;
        }
        return nn >= 1;
    }

    /** At least one of Bokmål's own spellings of everyday words and none that only Nynorsk writes. */
    static boolean leansBokmal(String text) {
        int nb = 0;
        for (String w : words(text)) {
            if (NYNORSK_SPELLING.contains(w) && !NYNORSK_ALSO_ELSEWHERE.contains(w)) {
                return false;
            }
            nb += BOKMAL_ONLY.contains(w) ? 1 : 0;
        }
        return nb >= 1;
    }

    /** The post's words in lower case, its web and e-mail addresses left out. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!address(token)) {
                words.addAll(Arrays.asList(token.split("[^\\p{L}]+")));
            }
        }
        return words;
    }

    /** An e-mail address, or a name ending in a web domain ("www.butikken.no", "vy.no/billetter"). */
    private static boolean address(String token) {
        if (token.indexOf('@') >= 0) {
            return true;
        }
        for (int dot = token.indexOf('.'); dot > 0; dot = token.indexOf('.', dot + 1)) {
            int end = dot + 1;
            while (end < token.length() && Character.isLetter(token.charAt(end))) {
                end++;
            }
            if (end > dot + 1 && DOMAINS.contains(token.substring(dot + 1, end)) && Character.isLetter(token.charAt(dot - 1))) {
                return true;
            }
        }
        return false;
    }

    /** "nb", "da", or null when the spelling of everyday words does not settle it. */
    static String bokmalOrDanish(String text) {
        int nb = 0;
        int da = 0;
        for (String w : words(text)) {
            nb += BOKMAL_SPELLING.contains(w) ? 1 : 0;
            da += DANISH_SPELLING.contains(w) ? 1 : 0;
        }
        return nb > da ? "nb" : da > nb ? "da" : null;
    }

    static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    static Optional<Language> byCode(String code) {
        for (Language l : Language.values()) {
            if (l != Language.UNKNOWN && l.getIsoCode639_1().name().equalsIgnoreCase(code.strip())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
