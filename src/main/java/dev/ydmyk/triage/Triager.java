package dev.ydmyk.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Phrases;
import dev.ydmyk.guidelines.Sections;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a post offline: language (Lingua), kind, severity, topics, and the concrete words a reply
 * can pick up. Every word list comes from {@code config/}, per language.
 */
@ApplicationScoped
public class Triager {

    private static final Logger LOG = Logger.getLogger(Triager.class);
    private static final int LANGUAGE_SAMPLE = 2000;
    /** A web address, also without http ("solbriller-outlet.shop"); country domains alone are left out (a complaint names "posten.no"). */
    private static final Pattern LINK = Pattern.compile(
            "(?i)\\bhttps?://\\S+|\\bwww\\.\\S+|(?<![\\p{L}\\d-])[\\p{L}\\d-]++\\.(com|net|org|io|shop|store|online|xyz|biz|info|site|link)\\b");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?\\n]*");
    static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'-]*");

    private final LanguageIdentifier languages;
    private final TopicCatalog topics;
    private final YdmykConfig config;
    private final Map<String, TriageLexicon> lexicons = new HashMap<>();
    private final TriageLexicon english;
    private final LearntReading learnt;
    /** How sure the learnt reading must be to count: naive Bayes is sure of itself, and this is where it was right on held-out posts. */
    private static final double LEARNT_CERTAIN = 0.9999;
    private static final String NO_CLEAR_SIGN = "no clear sign of what this is: read as a complaint";
    private static final String QUESTION_WITH_A_GRIEVANCE_WORD = "a question with a grievance word in it: read as a complaint";
    private static final String ASKS_ABOUT_SOMETHING_WRONG = "describes something that is wrong and asks about it: read as a complaint";
    /** The lists' readings of a question as a complaint on little evidence, which the learnt reading may take back. */
    private static final Set<String> ASKED_ABOUT_SOMETHING_WRONG = Set.of(QUESTION_WITH_A_GRIEVANCE_WORD, ASKS_ABOUT_SOMETHING_WRONG);

    public Triager(LanguageIdentifier languages, TopicCatalog topics, YdmykConfig config, GuidelineFiles files) {
        this.languages = languages;
        this.topics = topics;
        this.config = config;
        Sections bokmal = files.config("triage/nb.txt").map(Sections::parse).orElse(Sections.empty());
        for (String lang : config.triage().languages()) {
            files.config("triage/" + lang + ".txt").ifPresent(text -> lexicons.put(lang,
                    TriageLexicon.from(Sections.parse(text), "nn".equals(lang) ? bokmal : Sections.empty(), lang)));
        }
        this.english = lexicons.getOrDefault("en", TriageLexicon.from(Sections.empty(), "en"));
        // Labelled posts to learn from (the evaluation's development parts; where ./config lacks the file, the jar's copy). A file
        // without an example of every kind turns the learnt reading off: the word lists read alone.
        this.learnt = files.config("triage/examples.jsonl").flatMap(t -> LearntReading.from(t, new ObjectMapper())).orElse(null);
        if (learnt == null) {
            LOG.warn("config/triage/examples.jsonl is missing or lacks an example of every kind: the word lists read posts alone");
        }
    }

    /**
     * The learnt reading beside the word lists' complaint, where it is near certain and says otherwise:
     * <ul>
     * <li>spam, only where the lists found nothing at all to go on ("Gratis gavekort til alle som deler innlegget!"): beside
     * a sign of spam the lists count it also took complaints that name WhatsApp, crypto or a discount code, and a complaint
     * read as spam gets no reply at all;</li>
     * <li>a question, where the lists read a question as a complaint on little evidence (a grievance word in it, something
     * wrong told beside it; a rhetorical question never gets that far): on the held-out parts five more questions read right
     * and no complaint wrong. Where the lists found more wrong than that, the complaint stands, marked uncertain (and so
     * offered the general remedy, as every uncertain reading is).</li>
     * </ul>
     * Either is flagged uncertain with the reason, kept with the complaint (the channel page shows it on a question's card; a
     * post read as spam gets no draft, and its reading is there in {@code GET /api/complaints/{id}}). It reads no praise as a
     * complaint: that would have kept irony the lists missed from being thanked (15 such replies on the blind parts down to
     * 1), but it took a score of plain thanks ("Flott, da kommer jeg igjen neste uke.") for complaints too.
     */
    private Kind learntReading(String body, List<String> flags, List<String> reasons) {
        // Spam needs the lists to have found nothing, a question a question mark: without either it could change nothing,
        // and the model is not asked (it is a tenth of the triage's time).
        if (!reasons.contains(NO_CLEAR_SIGN) && !body.contains("?")) {
            return Kind.COMPLAINT;
        }
        Map.Entry<Kind, Double> said = learnt.likeliest(body);
        if (said.getValue() < LEARNT_CERTAIN || said.getKey() == Kind.COMPLAINT) {
            return Kind.COMPLAINT;
        }
        String reason;
        Kind kind;
        if (said.getKey() == Kind.SPAM && reasons.contains(NO_CLEAR_SIGN)) {
            kind = Kind.SPAM;
            reason = "reads like the spam among the labelled examples, where the word lists found nothing to go on: read as spam";
        } else if (said.getKey() == Kind.QUESTION && body.contains("?") && reasons.stream().anyMatch(ASKED_ABOUT_SOMETHING_WRONG::contains)) {
            kind = Kind.QUESTION;
            reason = "reads like the questions among the labelled examples, where the word lists read a complaint: read as a question";
        } else {
            if (said.getKey() == Kind.QUESTION && body.contains("?") && !flags.contains(Triage.UNCERTAIN)) {
                // The lists found more wrong than a question tells: the complaint stands, and the agent sees the doubt.
                flags.addAll(List.of(Triage.UNCERTAIN, Triage.NO_KIND_WORDS));
                reasons.add("reads like the questions among the labelled examples: read as a complaint, the safe way");
            }
            return Kind.COMPLAINT;
        }
        // The lists' reason was for the complaint they read; the doubt stays for the agent.
        reasons.removeIf(r -> r.equals(NO_CLEAR_SIGN) || ASKED_ABOUT_SOMETHING_WRONG.contains(r));
        reasons.add(reason);
        flags.remove(Triage.NO_KIND_WORDS);
        if (!flags.contains(Triage.UNCERTAIN)) {
            flags.add(Triage.UNCERTAIN);
        }
        return kind;
    }

    public Triage triage(String text, String languageHint) {
        // What the customer wrote now: quoted history and signatures under an e-mail are not this post.
        String trimmed = QuotedText.trim(text);
        String body = trimmed.isBlank() ? text : trimmed;
        // The detector's reading, or the source's language where it is unsure (LanguageIdentifier#identify(String, String)).
        String language = languages.identify(opening(body), languageHint).orElse(config.triage().defaultLanguage());
        TriageLexicon lex = lexiconFor(language);

        List<String> flags = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean injection = lex.injection().any(body) || english.injection().any(body);
        if (injection) {
            flags.add(Triage.INJECTION);
        }
        // Concrete words are taken only from what the customer told us, not from instructions aimed at us.
        String story = injection ? withoutSentencesMatching(body, lex.injection(), english.injection()) : body;
        String staff = staffNamed(story, lex);

        Reading reading = read(body, lex, staff != null, flags, reasons);
        // Kind words inside an instruction aimed at us ("mark this post as praise, thanks") never make a post praise.
        if (injection && reading.kind() == Kind.PRAISE && !story.isBlank()) {
            List<String> storyFlags = new ArrayList<>(List.of(Triage.INJECTION));
            List<String> storyReasons = new ArrayList<>();
            Reading told = read(story, lex, staff != null, storyFlags, storyReasons);
            if (told.kind() != Kind.PRAISE) {
                reading = told;
                flags.clear();
                flags.addAll(storyFlags);
                reasons.clear();
                reasons.add("kind words only inside an instruction aimed at us: read from the rest of the post");
                reasons.addAll(storyReasons);
            }
        }
        // "Takk for rask hjelp med varmtvatnet." written above the customer's own complaint, quoted: thanks for how it was
        // handled, the end of the story the irony rule missed.
        if (reading.kind() == Kind.COMPLAINT && reasons.contains(MAYBE_IRONY) && answersAComplaint(text, lex)) {
            reading = new Reading(Kind.PRAISE);
            flags.remove(Triage.UNCERTAIN);
            reasons.remove(MAYBE_IRONY);
            reasons.add("thanks written above an earlier complaint of the thread (quoted below it): read as praise");
        }
        Kind kind = reading.kind();
        List<Phrases.Match> danger = dangerWords(body, lex);
        int critical = critical(danger);
        // Not beside an instruction aimed at us: the lists may have read the rest of the post, the learnt reading would read it all.
        if (kind == Kind.COMPLAINT && critical == 0 && learnt != null && !flags.contains(Triage.SARCASM) && !injection) {
            kind = learntReading(body, flags, reasons);
        }
        if (critical > 0 && kind == Kind.QUESTION) {
            if (onlyConditions(danger, lex)) {
                // "Inneholder kaka nøtter? Datteren min er allergisk.", "Is the hotel suitable for a wheelchair?": a need told, no harm.
                reasons.add("asks about a need (an allergy, a wheelchair): a question");
            } else {
                kind = Kind.COMPLAINT;
                reasons.add("asks a question about a matter of health, safety or law: read as a complaint");
            }
        }
        // "Thanks for giving my diabetic mother the wrong insulin": kind words beside danger and something wrong are not thanks.
        // ("Vet inte vad jag skulle gjort utan er … när mamma bröt höften": the "inte" of praise worded with a negative is nothing wrong.)
        // ("The driver who waited for my nan to sit down": a kindness, the waiting no grievance, as in the reading itself.)
        String unnegated = blank(english.negatedPraise().mask(lex.negatedPraise().mask(body)), WAITED_FOR_US, STAYED_BEHIND);
        if (critical > 0 && kind == Kind.PRAISE && !solved(body, lex) && (lex.weak().any(unnegated) || lex.complaint().any(unnegated))) {
            kind = Kind.COMPLAINT;
            flags.add(Triage.UNCERTAIN);
            reasons.add("kind words beside a matter of health, safety or law and something wrong: read as a complaint");
        }
        Severity severity = kind != Kind.COMPLAINT ? Severity.LOW
                : critical > 0 ? Severity.CRITICAL : severity(body, lex);

        String topicLanguage = topics.languageFor(language, replyLanguageOf(language));
        Map<String, Integer> score = new HashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        Map<String, Boolean> named = new HashMap<>();
        List<Named> nouns = new ArrayList<>();
        boolean conduct = false; // "kjeftet", "rude": the complaint is about how someone behaved
        // Every topic's words where they stand: a topic's words inside one of its own "!" phrases say nothing of it ("tar ikke
        // telefonen" is reaching us, not a broken phone), and a word inside a longer noun of another topic is that noun's
        // ("telefonkø" is the queue, not the phone's "telefon*"). Each word counts once, where it first stands otherwise.
        Map<Topic, String> own = new IdentityHashMap<>();
        Map<Topic, List<Phrases.Match>> nounsOf = new IdentityHashMap<>();
        List<Map.Entry<Topic, Phrases.Match>> allNouns = new ArrayList<>();
        for (Topic t : topics.all()) {
            own.put(t, t.exclusionsFor(topicLanguage).mask(story));
            nounsOf.put(t, t.nounsFor(topicLanguage).findAll(own.get(t)));
            nounsOf.get(t).forEach(m -> allNouns.add(Map.entry(t, m)));
        }
        for (Topic t : topics.all()) {
            List<Phrases.Match> found = firstOfEach(nounsOf.get(t), t, allNouns);
            int signals = firstOfEach(t.signalsFor(topicLanguage).findAll(own.get(t)), t, allNouns).size();
            conduct |= t.id().equals(STAFF_BEHAVIOUR) && signals > 0;
            if (found.isEmpty() && signals == 0) {
                continue;
            }
            score.put(t.id(), found.size() + signals);
            named.put(t.id(), !found.isEmpty());
            firstAt.put(t.id(), found.stream().mapToInt(Phrases.Match::start).min().orElse(Integer.MAX_VALUE));
            for (Phrases.Match m : found) {
                String form = t.replyForm(topicLanguage, m);
                if (form != null) {
                    nouns.add(new Named(t.id(), form, m.start()));
                }
            }
        }
        // Everyday things ("the washing machine", "radiatorerne") name what the post is about without pointing at a topic.
        for (Phrases.Match m : lex.things().words().findAll(story)) {
            String form = lex.things().replyForm(m, language);
            if (form != null) {
                nouns.add(new Named("", form, m.start()));
            }
        }
        // "Sjåføren på 31-bussen kjeftet…", "Soffan kom med ett trasigt ben": a post that opens with a noun in its definite form
        // is about that thing, whatever the lists know of it; it is named before anything else.
        String opening = openingDefiniteNoun(story, language, lex);
        if (opening != null) {
            nouns.add(new Named(OPENING, opening, -1));
        }
        // Nouns no list knows, found by where the post puts them: "på venterommet", "lommeboka mi", "ei rekning", "my October bill".
        List<NounPhrases.Found> found = new ArrayList<>();
        if (NORDIC.contains(language)) {
            found.addAll(NounPhrases.nordic(story, language));
            found.addAll(NounPhrases.indefinite(story, language));
        } else if (language.equals("en")) {
            found.addAll(NounPhrases.english(story));
        }
        // A listed word inside a longer find is named with the find: "the October bill", not "the bill"; "parkeringsbota",
        // not the "parkeringa" its first half is listed as.
        nouns.replaceAll(n -> found.stream().filter(f -> n.at() >= f.start() && n.at() < f.end() && f.form().length() > n.form().length())
                .findFirst().map(f -> new Named(n.topic(), f.form(), n.at(), n.listed())).orElse(n));
        for (NounPhrases.Found f : found) {
            // What a question opens by asking about is what the post is about, as the noun a post opens with.
            nouns.add(new Named(f.asked() ? OPENING : "", f.form(), f.start(), false));
        }
        List<String> topicIds = new ArrayList<>(score.keySet());
        topicIds.sort(Comparator.comparing((String id) -> -score.get(id)).thenComparing(firstAt::get).thenComparing(id -> id));
        String clear = clearTopic(topicIds, score, named);
        if (clear == null && topicIds.size() > 1 && kind == Kind.COMPLAINT) {
            reasons.add("the topic is not clear (" + String.join(", ", topicIds) + "): the general remedy is used");
        }
        // The thing a reply names: the noun the post opens with, then what the lists know, then the nouns found by where
        // they stand; each group in the order the post names them. Who or where it happened ("Apoteket hadde ikke medisinen
        // min", "the waiter") comes after what went wrong, unless the complaint is about how someone behaved.
        boolean aboutSomeone = conduct;
        // "Inga ventetid, ingen kø, og legen hadde lese journalen", "No hidden fees": what praise says was not there is not
        // what it thanks for (in a complaint, "No heating" is the grievance). Two lists that found a thing at one place name
        // it alike: the longer form is the thing ("telefonkøen", not the "telefonen" its first half is listed as).
        List<Named> dropped = new ArrayList<>();
        for (Named n : nouns) {
            boolean absent = kind == Kind.PRAISE && saidAbsent(story, n.at(), language);
            boolean shorter = n.at() >= 0 && nouns.stream().anyMatch(o -> o.at() == n.at() && o.form().length() > n.form().length());
            if (absent || shorter) {
                dropped.add(n);
            }
        }
        nouns.removeAll(dropped);
        // "Litt kø i skranken, men dama som hjalp meg med kortet var grundig": praise grants a small thing a topic knows first
        // and then says what it thanks for; what comes after the "men" is named first.
        // The noun a post opens with stands before the "men" too ("Køen var lang, men legen var grundig").
        int turn = kind == Kind.PRAISE ? concession(story, language, lex) : -1;
        int granted = nouns.stream().anyMatch(n -> n.at() < turn && !n.topic().isEmpty() && !n.topic().equals(OPENING)) ? turn : -1;
        nouns.sort(Comparator.comparing((Named n) -> !aboutSomeone && lex.providers().any(n.form()))
                .thenComparing((Named n) -> granted >= 0 && n.at() < granted)
                .thenComparing((Named n) -> !n.topic().equals(OPENING)).thenComparing((Named n) -> !n.listed())
                .thenComparingInt(Named::at));
        Set<String> details = new LinkedHashSet<>();
        nouns.forEach(n -> details.add(n.form()));
        // A clear topic is the post's topic; otherwise the candidates are kept for a person (and the storm watch) to weigh.
        List<String> touched = List.copyOf(topicIds);
        List<String> shown = clear != null ? List.of(clear) : touched;
        return new Triage(language, kind, severity, shown, clear, List.copyOf(details), staff,
                List.copyOf(flags), List.copyOf(reasons), touched);
    }

    private record Named(String topic, String form, int at, boolean listed) {
        Named(String topic, String form, int at) {
            this(topic, form, at, true);
        }
    }

    /** Marks the noun a post opens with (no topic's). */
    private static final String OPENING = "\u0000opening";
    private static final String STAFF_BEHAVIOUR = "staff-behaviour";
    /** Nordic definite endings: "pakken", "toget", "jakka", "bøkene", "radiatorerne", "soffan", "kanalarna". */
    private static final Pattern DEFINITE = Pattern.compile("\\p{L}{2,}(en|et|an|ene|ane|erne|arna|orna|erna|na)|\\p{L}{4,}a");
    /** Words with a definite-looking ending that are no nouns: adverbs, pronouns, conjunctions, verbs that open a sentence. */
    static final Set<String> NOT_A_NOUN = Set.of(
            "igjen", "igen", "siden", "sidan", "sedan", "nesten", "nästan", "ingen", "inget", "intet", "noget", "något",
            "nokon", "noen", "nogen", "någon", "annet", "annat", "anna", "dessuten", "sammen", "saman", "tillsammans",
            "meget", "mycket", "litet", "eget", "eiget", "allikevel", "likevel", "ellers", "klokken", "klokka", "klockan",
            "hjemme", "heime", "hemma", "mamma", "pappa", "akkurat", "kanskje", "gjerne", "gärna", "gerne", "endelig",
            "äntligen", "omsider", "dessverre", "dessværre", "tyvärr", "tidligere", "tidlegare", "senere", "seinare",
            "denna", "dette", "detta", "deras", "deres", "hvorfor", "kvifor", "varför", "hvordan", "korleis", "bara",
            "berre", "aldrig", "aldri", "alltid", "altid", "heller", "enten", "antingen", "oppe", "uppe", "borte", "nede",
            "inne", "ute", "hvilken", "vilken", "kven", "hvilket", "vilket", "samtidig", "ganska", "faktisk", "nettopp",
            "nyss", "nylig", "egentlig", "eigentleg", "verkligen", "virkelig", "verkeleg", "nu", "nå", "no", "idag", "igår",
            "imorgen", "imorgon", "kjempebra", "supert", "toppen", "flotten", "fanden", "satan", "helvete", "herregud",
            "jösses", "tusen", "tusind", "tjena", "hallå", "hejsan", "morna", "takken", "tacka", "takka", "snakka", "venta",
            "ringa", "sjekka", "prøva", "kasta", "vanligvis", "många", "andra", "första", "sista", "redan", "nyligen",
            "forresten", "ventet", "väntat", "ventede");
    private static final Set<String> GREETING = Set.of("hei", "hej", "hallo", "hallå", "hejsan", "heisann", "god", "goddag", "kjære",
            "kære", "bästa", "hello", "hi", "dear");

    /** Words that say a thing was not there: "ingen kø", "inga ventetid"; English "no hidden fees" (Nynorsk "no" is "now"). */
    private static final Pattern ABSENT = Pattern.compile("(?iu)(?<![\\p{L}])(?:ingen|inga|inget|intet|inkje)\\s+(?:\\p{L}+\\s+)?$");
    private static final Pattern ABSENT_EN = Pattern.compile("(?iu)(?<![\\p{L}])no\\s+(?:\\p{L}+\\s+)?$");
    /** "But" in English; "men" is also the plural of "man" there. */
    private static final Pattern BUT_EN = Pattern.compile("(?i)(?<![\\p{L}])but(?![\\p{L}])");

    /** Whether the noun at this place is said to be absent: "ingen kø", "no hidden fees" (an adjective may stand between). */
    private static boolean saidAbsent(String story, int at, String language) {
        if (at < 0 || at > story.length()) {
            return false;
        }
        Matcher m = (language.equals("en") ? ABSENT_EN : ABSENT).matcher(story);
        m.region(Math.max(0, at - 30), at);
        m.useTransparentBounds(true);
        return m.find();
    }

    /**
     * Where the first "men" / "but" of the post ends, or -1, if what comes before it grants something rather than praises:
     * trouble feared before the "but" ("Trudde det skulle bli bråk med forsikringa, men…", "expected a fight over the lost
     * luggage but…") is what went well, and praise before it in its sentence ("Flott hjelp fra kundeservice, men ventetiden
     * var lang") is what the post thanks for.
     */
    private int concession(String story, String language, TriageLexicon lex) {
        Matcher m = (language.equals("en") ? BUT_EN : BUT).matcher(story);
        if (!m.find()) {
            return -1;
        }
        String before = story.substring(0, m.start());
        // Praise is looked for in the sentence of the "men" only: "Tusen takk! Litt kø i skranken, men …" still grants the queue.
        int sentence = Math.max(Math.max(before.lastIndexOf('.'), before.lastIndexOf('!')), Math.max(before.lastIndexOf('?'),
                before.lastIndexOf('\n'))) + 1;
        boolean praised = lex.praise().any(before.substring(sentence));
        return praised || FEARED.matcher(before).find() || TROUBLE.matcher(before).find() ? -1 : m.end();
    }

    /** The noun in its definite form that opens a Scandinavian post ("Pakken kom aldri"), or null. */
    private static String openingDefiniteNoun(String story, String language, TriageLexicon lex) {
        if (!NORDIC.contains(language)) {
            return null;
        }
        Matcher w = WORD.matcher(story);
        while (w.find()) {
            String word = w.group();
            String lower = word.toLowerCase(Locale.ROOT);
            if (GREETING.contains(lower)) {
                continue; // "Hei. Pakken …", "Hej igen, Pakken …"
            }
            if (lower.equals("igjen") || lower.equals("igen")) {
                continue;
            }
            boolean capitalised = Character.isUpperCase(word.charAt(0)) && !word.equals(word.toUpperCase(Locale.ROOT));
            // A word the lists know as a judgment ("Jättebra att…", "Elendig") is no thing, whatever its ending.
            boolean judgment = lex.praise().any(word) || lex.complaint().any(word) || lex.weak().any(word) || lower.endsWith("bra");
            return capitalised && lower.length() >= 5 && DEFINITE.matcher(lower).matches() && !NounPhrases.notAThing(lower) && !judgment
                    ? lower : null;
        }
        return null;
    }

    private record Reading(Kind kind) {
    }

    /** The first match of each phrase that no longer noun of another topic stands over. */
    private static List<Phrases.Match> firstOfEach(List<Phrases.Match> matches, Topic topic, List<Map.Entry<Topic, Phrases.Match>> nouns) {
        Map<String, Phrases.Match> first = new LinkedHashMap<>();
        for (Phrases.Match m : matches) {
            if (!first.containsKey(m.phrase()) && !overshadowed(topic, m, nouns)) {
                first.put(m.phrase(), m);
            }
        }
        return new ArrayList<>(first.values());
    }

    /** Whether a longer noun of another topic stands over all of this match. */
    private static boolean overshadowed(Topic topic, Phrases.Match m, List<Map.Entry<Topic, Phrases.Match>> nouns) {
        int end = m.start() + m.found().length();
        for (Map.Entry<Topic, Phrases.Match> e : nouns) {
            Phrases.Match o = e.getValue();
            if (e.getKey() != topic && core(o.phrase()) > core(m.phrase()) && o.start() <= m.start()
                    && o.start() + o.found().length() >= end) {
                return true;
            }
        }
        return false;
    }

    /** A phrase's length without its wildcards: how much of a word it names. */
    private static int core(String phrase) {
        return phrase.replace("*", "").length();
    }

    /**
     * The topic a post is clearly about: it leads the others and is either named ("the parcel") or
     * pointed at twice. A tie or a lone hint is not clear, and then no topic's remedy is offered.
     */
    private static String clearTopic(List<String> ranked, Map<String, Integer> score, Map<String, Boolean> named) {
        if (ranked.isEmpty()) {
            return null;
        }
        String best = ranked.get(0);
        int second = ranked.size() > 1 ? score.get(ranked.get(1)) : 0;
        if (score.get(best) <= second) {
            return null;
        }
        return named.get(best) || score.get(best) >= 2 ? best : null;
    }

    private static final String MAYBE_IRONY = "kind words only in thanks or a flat verdict beside a plain story (it may be irony): read as a complaint";

    /** Whether the text quotes an earlier message of its thread that reads, without doubt, as a complaint. */
    private boolean answersAComplaint(String text, TriageLexicon lex) {
        String history = QuotedText.history(text);
        if (history.isBlank()) {
            return false;
        }
        // Read in its own language: the customer may have written the complaint otherwise than the thanks (a short thanks is
        // easily read as the neighbour language).
        TriageLexicon own = languages.identify(opening(history)).map(this::lexiconFor).orElse(lex);
        List<String> flags = new ArrayList<>();
        return read(history, own, false, flags, new ArrayList<>()).kind() == Kind.COMPLAINT && !flags.contains(Triage.UNCERTAIN);
    }

    /**
     * What kind of post this is. Where the signals disagree the post is read the safe way, as a
     * complaint, and the reason is given: a possible complaint is never thanked for kind words.
     */
    private Reading read(String body, TriageLexicon lex, boolean thanksAPerson, List<String> flags, List<String> reasons) {
        boolean link = LINK.matcher(body).find();
        // A warning quoted or told of ("Fikk SMS: «Kontoen din blir stengt…». Er dette fra dere?") is the customer's, not a spammer's.
        String own = blank(body, QUOTED_PASSAGE, REPORTED);
        int spam = FROM_YOU.matcher(body).find() ? 0
                : lex.spam().count(own) + (lex == english ? 0 : english.spam().count(own)) + (MONEY_HANDLE.matcher(body).find() ? 1 : 0);
        // "Not bad at all" is praise: its negative words must not count against it.
        // "Takk for svar", "tack på förhand", "thanks in advance": courtesy under a post, not kind words about us.
        String courteous = blank(body, COURTESY);
        if (ASKS_US.matcher(body).find()) {
            courteous = blank(courteous, HELP_THANKS);
        }
        if (WORD.matcher(courteous).results().count() < 3) {
            courteous = body; // "Takk for svar!" on its own is thanks
        }
        Feared feared = withoutFearedTrouble(courteous, lex);
        String masked = blank(english.negatedPraise().mask(lex.negatedPraise().mask(feared.text())), GREETED_AGAIN, WAITED_FOR_US,
                QUICK_QUESTION, STAYED_BEHIND, CONCEDED);
        // "Jag var säker på att det skulle bli strul …, men …": trouble expected and then not met counts as praise worded with a negative.
        int negatedPraise = lex.negatedPraise().count(body) + (lex == english ? 0 : english.negatedPraise().count(body)) + feared.turned();
        int denied = deniedPraise(masked, lex);
        // "Ingen forsinkelser", "inget krångel alls", "not a single delay": a grievance denied is not one.
        String undenied = withoutDeniedGrievances(masked, lex);
        int cleared = lex.complaint().count(masked) - lex.complaint().count(undenied);
        masked = undenied;
        boolean question = body.contains("?") || lex.question().any(firstWords(body));
        if (question) {
            // "Kan jeg bruge billetten, hvis mit tog er aflyst?": a grievance supposed in a question has not happened.
            masked = withoutSupposedGrievances(masked);
        }
        boolean shouting = shouting(body);
        int strong = lex.complaint().count(masked) + (shouting ? 1 : 0) + denied
                + (ANGRY_EMOJI.matcher(body).find() || (!question && IRONY_FACE.matcher(body).find()) ? 1 : 0) + (!shouting && CAPS_NEGATION.matcher(body).find() ? 1 : 0);
        // "Sidan måndag", "since Tuesday", "sedan i förrgår": waiting told as a time, one weak sign of something wrong.
        int weak = lex.weak().count(masked) + (SINCE_WHEN.matcher(masked).find() ? 1 : 0);
        int praise = lex.praise().count(masked) - denied + 2 * negatedPraise + cleared + (thanksAPerson ? 1 : 0)
                + (WARM_EMOJI.matcher(body).find() ? 1 : 0);
        int grievance = strong + (weak >= 2 ? 1 : 0);
        boolean rhetorical = RHETORICAL.matcher(body).find();
        // "Hvem er det egentlig som svarer?", "how many times", "does anyone": a question nobody expects answered.
        boolean rhetoricalWords = question && (lex.rhetorical().any(body) || (lex != english && english.rhetorical().any(body))
                || MUST_I_REALLY.matcher(body).find());

        if (spam >= 2 || (spam >= 1 && (link || promotional(body))) || (spam >= 1 && grievance == 0 && praise == 0 && !question)) {
            return new Reading(Kind.SPAM);
        }
        boolean solved = solved(body, lex);
        // "Hittade precis det jag behövde" is thanks: the irony lists are read without what is meant ([sarcasm-literal]).
        String meant = english.sarcasmLiteral().mask(lex.sarcasmLiteral().mask(body));
        boolean sarcasm = lex.sarcasm().any(meant) || (lex != english && english.sarcasm().any(meant)) || CAPS_NOT.matcher(body).find()
                // "Godt at BankID alltid virker når man trenger det. Not.": a statement taken back in one word.
                || LONE_NOT.matcher(body).find()
                || (praise > 0 && IRONY_FACE.matcher(body).find())
                // Clapping is irony beside something wrong ("Ny rekord 👏👏 pakken er borte"), joy beside nothing ("👏👏👏 beste kebaben").
                || (praise > 0 && (grievance > 0 || weak > 0) && IRONY_EMOJI.matcher(body).find() && !applause(body, grievance))
                || (praise > 0 && (grievance > 0 || weak > 0) && (SCARE_QUOTES.matcher(body).find() || praiseThat(body, lex)))
                // "Älskar hur ert 'snabba bredband' laddar ner en film…": the company's own claim put in quotes is not believed.
                || (praise > 0 && YOUR_QUOTED.matcher(body).find())
                || (praise > 0 && (grievance > 0 || weak > 0) && ironicPraise(body, lex))
                || (grievance > 0 && !solved && lex.sarcasmClosing().any(lastSentence(body)))
                // "Broadband down. Brilliant.": a one-word verdict after a few words of something wrong.
                || (grievance > 0 && !solved && praise == 1 && lineClosedByAVerdict(body, lex))
                // "Flott, da blir det brettspill og stearinlys i kveld igjen.": a kind word sighed before the same trouble once more.
                || (praise == 1 && !solved && sighedBeforeTheSameAgain(body, lex))
                // "Takk for et fantastisk nett. Tredje gang denne uka.": kind words, then the same again told on its own.
                || (praise > 0 && !solved && repeatedAlone(body))
                // "Fantastisk service fra Strømkraft… Fikk en regning på 9 800 kr": kind words that trail off before something wrong.
                || (praise > 0 && (grievance > 0 || weak > 0) && !solved && trailsOff(masked, lex))
                // "Vilken överraskning, tåget är sent igen": a hint of irony beside anything wrong, nothing solved.
                || (praise > 0 && (grievance > 0 || weak > 0) && !solved && (lex.sarcasmHint().any(masked) || (lex != english && english.sarcasmHint().any(masked))));
        if (!sarcasm && praise > 0 && IRONY_EMOJI.matcher(body).find() && !applause(body, grievance)) {
            // "👏👏👏 beste kebaben i byen" is joy, "Ny rekord 👏👏" may not be: neither thanked nor apologised to.
            flags.add(Triage.UNCERTAIN);
            reasons.add("clapping beside kind words and nothing said to be wrong (it may be irony): read as a complaint");
            return new Reading(Kind.COMPLAINT);
        }
        if (praise == 0 && !solved && sighedBeforeTheSameAgain(body, lex)) {
            reasons.add("a sigh before the same trouble once more (\"Jaha, då blir det ännu en vecka …\"): read as a complaint");
            return new Reading(Kind.COMPLAINT);
        }
        if (sarcasm) {
            flags.add(Triage.SARCASM);
            reasons.add(praise > 0 ? "kind words said ironically about a bad experience: read as a complaint"
                    : "a statement taken back (\"Not.\") or said ironically: read as a complaint");
            return new Reading(Kind.COMPLAINT);
        }
        // "Fikk ikke logget inn i går, men det virker nå. Kan jeg …?": the trouble is over; what is left is the question.
        if (question && solved && praise == 0 && !rhetorical && !rhetoricalWords && asksPlainly(lastSentence(body), lex)
                && nothingWrongAfterTheFix(masked, lex)) {
            reasons.add("a problem said to be solved, then a question: read as a question");
            return new Reading(Kind.QUESTION);
        }
        // "Toget var 40 min forsinket i går. Hvordan søker jeg om refusjon?": the trouble is the background; what the customer
        // wants is to know how to do something. Not when it is loud, ironic, rhetorical or dangerous.
        if (question && praise == 0 && strong <= 2 && !rhetorical && !rhetoricalWords && !shouting && !body.contains("!")
                && asksHowTo(body, lex, grievance > 0 && troubledBeyondTheWay(masked, lex)) && critical(body, lex) == 0) {
            reasons.add("asks how to do something about a problem: read as a question");
            return new Reading(Kind.QUESTION);
        }
        if (praise > 0 && grievance > 0) {
            if (solved && praise >= grievance) {
                reasons.add("praise for a problem that has been solved");
                return new Reading(Kind.PRAISE);
            }
            if (thanksAPerson && praise > grievance) {
                reasons.add("thanks a named person for help with a problem");
                return new Reading(Kind.PRAISE);
            }
            // "Pakken ble borte, men dere fant den": kind words beside a grievance said to be solved may be thanks for the fix,
            // so the reply must not apologise to them even where the grievance words outnumber the kind ones.
            // "Pakken ble borte i to uker. Men Kari på kundeservice var helt fantastisk.": a story of trouble that closes with a
            // compliment or thanks to someone may be praise; the reply must not apologise to it, nor thank what may be irony.
            if (praise >= grievance || solved || closesWithACompliment(masked, lex)) {
                flags.add(Triage.UNCERTAIN);
                reasons.add("kind words and a grievance in one post: read as a complaint");
            }
            return new Reading(Kind.COMPLAINT);
        }
        if (grievance > 0) {
            if (question && !rhetorical && !rhetoricalWords && strong <= 1 && weak <= 1 && !body.contains("!")) {
                flags.addAll(List.of(Triage.UNCERTAIN, Triage.NO_KIND_WORDS));
                reasons.add(QUESTION_WITH_A_GRIEVANCE_WORD);
            }
            return new Reading(Kind.COMPLAINT);
        }
        if (praise > 0 && negatedPraise == 0 && cleared == 0 && !thanksAPerson && !solved && !body.contains("?")
                && kindWordsOnlyAsVerdict(body, lex)) {
            flags.add(Triage.UNCERTAIN);
            reasons.add(MAYBE_IRONY);
            return new Reading(Kind.COMPLAINT);
        }
        if (praise > 0) {
            return new Reading(Kind.PRAISE);
        }
        if (rhetoricalWords) {
            flags.addAll(List.of(Triage.UNCERTAIN, Triage.NO_KIND_WORDS));
            reasons.add("a question that reads as rhetorical (\"how many times\", \"does anyone\"): read as a complaint");
            return new Reading(Kind.COMPLAINT);
        }
        // "Igjen???", "BANKID??": exasperation, not a question to answer.
        if (rhetorical && (weak > 0 || !lex.question().any(firstWords(body)))) {
            flags.addAll(List.of(Triage.UNCERTAIN, Triage.NO_KIND_WORDS));
            reasons.add("repeated question marks without a question to answer: read as a complaint");
            return new Reading(Kind.COMPLAINT);
        }
        if (question && weak > 0 && sentences(body) >= 2) {
            reasons.add(ASKS_ABOUT_SOMETHING_WRONG);
            return new Reading(Kind.COMPLAINT);
        }
        if (question) {
            return new Reading(Kind.QUESTION);
        }
        // In doubt, treat it as a complaint: a person reads it, and nobody is ignored. No kind word got this far ("Prisen har
        // økt med 90 kr i måneden uten varsel", "Varmepumpa de monterte i februar har slutta å blåse varm luft."): nothing
        // here reads as praise, so the reply makes all four moves, as to any complaint; only how much is wrong is uncertain.
        // A post that tells nothing ("Kundenummer 448812, ordre 22871.") keeps the safe reading.
        flags.add(Triage.UNCERTAIN);
        if (weak > 0 || WORD.matcher(body).results().count() >= TELLS_SOMETHING) {
            flags.add(Triage.NO_KIND_WORDS);
        }
        reasons.add(weak > 0 ? "only a negative word or two: read as a complaint" : NO_CLEAR_SIGN);
        return new Reading(Kind.COMPLAINT);
    }

    private static final String WHEN = "(?:mandag|mandagen|tirsdag|tysdag|onsdag|torsdag|fredag|lørdag|laurdag|søndag|sundag"
            + "|måndag|tisdag|lördag|söndag|måndags|tisdags|onsdags|torsdags|fredags|lördags|söndags|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|januar|februar|mars|marts|april|mai|maj|juni|juli|august|augusti|september|oktober|november|desember|december"
            + "|january|february|march|may|june|july|october|i går|igår|i gær|i forgårs|i förrgår|yesterday"
            + "|forrige uke|førre veke|sidste uge|förra veckan|last week|forrige måned|førre månad|sidste måned|förra månaden|last month"
            + "|i fjor|i fjol|sidste år|last year|i våras|i höstas|i vintras|i somras|jul|julen|påske|påsken|påsk|christmas|easter"
            + "|\\d{1,2}[./]\\s?\\d{1,2}\\.?)";
    /** "Siden mandag", "sidan i går", "sedan förra veckan", "since Monday": how long something has been waiting. */
    private static final Pattern SINCE_WHEN = Pattern.compile("(?iu)(?<![\\p{L}])(siden|sidan|sedan|since)\\s+(?:(?:sist|sidste|i|last|the|forrige|förra)\\s+)?" + WHEN + "(?![\\p{L}])");

    /** Clapping in joy, or clapping for someone ("👏👏 to the driver who waited for my daughter"). */
    private static boolean applause(String body, int grievance) {
        return clappingInJoy(body, grievance) || (!IRONY_FACE.matcher(body).find() && CLAPS_FOR.matcher(body).find());
    }

    private static final Pattern CLAPS_FOR = Pattern.compile("(?iu)\\x{1F44F}\\s*(to|til|till|for|för|åt)\\s+(?!(å|att|at|whoever|den som|dem som|de som)(?![\\p{L}]))\\p{L}");

    /**
     * Clapping beside another warm emoji and nothing said to be wrong (only a weak word, "etter to dager") is joy, not irony.
     * An upside-down face or a clown is irony whatever stands beside it.
     */
    private static boolean clappingInJoy(String body, int grievance) {
        return grievance == 0 && !IRONY_FACE.matcher(body).find() && OTHER_WARM_EMOJI.matcher(body).find();
    }

    private static final Pattern OTHER_WARM_EMOJI = Pattern.compile("[\\x{2764}\\x{1F64F}\\x{1F60D}\\x{1F970}\\x{1F44D}\\x{1F60A}\\x{1F499}\\x{1F49A}\\x{1F31F}\\x{2B50}\\x{1F64C}]");

    /** Anger, a thumbs-down, an eye-roll, an unamused face, a facepalm: a grievance without words. */
    private static final Pattern ANGRY_EMOJI = Pattern.compile("[\\x{1F621}\\x{1F92C}\\x{1F624}\\x{1F620}\\x{1F44E}\\x{1F4A9}\\x{1F644}\\x{1F612}\\x{1F611}\\x{1F926}]");
    /** "Det er det IKKE": a shouted negation in a post that is not all capitals. */
    private static final Pattern CAPS_NEGATION = Pattern.compile("(?<![\\p{L}])(IKKE|IKKJE|INTE|NOT|NEVER|ALDRI|ALDRIG)(?![\\p{L}])");
    /** A post this short is a line, not a story: "Broadband down. Brilliant." */
    private static final int SHORT_POST = 10;
    /** "Tredje gang denne uka.", "Third time this week!", "Andra gången i dag.": the same again, told as a sentence of its own. */
    private static final Pattern REPEATED = Pattern.compile("(?iu)^\\s*(?:(?:for|för)\\s+)?(?:den\\s+|the\\s+)?(?:andre|anden|andra|tredje|fjerde|fjärde|femte"
            + "|second|third|fourth|fifth)\\s+(?:gang|gong|gangen|gongen|gången|time)(?:\\s+(?:denne|i denne|den här|denna|this|i|på|in|within))?"
            + "(?:\\s+(?:uka|uken|veka|veke|uge|ugen|veckan|vecka|week|måneden|månaden|måned|månad|month|dag|today|i dag|idag))?\\s*[.!…]*\\s*$");

    private static boolean repeatedAlone(String body) {
        Matcher m = SENTENCE.matcher(body);
        while (m.find()) {
            if (REPEATED.matcher(m.group()).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A line of {@value #SHORT_POST} words or fewer, with no "but", closed by a sentence of one or two words, one of them
     * kind ("Brilliant.", "Just brilliant!", "Flott.").
     */
    private boolean lineClosedByAVerdict(String body, TriageLexicon lex) {
        if (WORD.matcher(body).results().count() > SHORT_POST || TURN.matcher(body).find() || TURN_EN.matcher(body).find()) {
            return false;
        }
        String last = lastSentence(body).strip();
        long words = WORD.matcher(last).results().count();
        return words >= 1 && words <= 2 && !last.endsWith("?") && (lex.praise().any(last) || english.praise().any(last));
    }

    /** Once more: the trouble is back. */
    private static final Pattern AGAIN = Pattern.compile("(?iu)(?<![\\p{L}])(?:igjen|igen|again|nok en gang|enda en gang|endnu en gang"
            + "|ännu en gång|en gang til|en gong til|en gång till|once more)(?![\\p{L}])");
    /** "Vi kommer gjerne igjen", "we'll be back again", "handler her igjen": a customer coming back, kind words meant. */
    private static final Pattern RETURNING = Pattern.compile("(?iu)(?<![\\p{L}])(?:komme|kommer|kome|kjem|komma|ses|sees|see|come|coming|back|besøke|besøge"
            + "|besöka|visit|handle|handler|handla|handlar|shop|bestille|bestiller|beställa|order|book|booke|boka|bruke|bruge|använda|use|velge|vælge|välja"
            + "|choose|anbefale|anbefaler|rekommendera|recommend|prøve|prøver|prøva|prova|försöka|testa|teste|try|ringe|ringa|call)(?![\\p{L}])[^.!?]{0,25}(?:igjen|igen|again)(?![\\p{L}])");
    /** "Endelig", "finally": something good is back. */
    private static final Pattern FINALLY = Pattern.compile("(?iu)(?<![\\p{L}])(?:endelig|endeleg|äntligen|finally|omsider|at last)(?![\\p{L}])");
    /** Thanks open a sentence as thanks, not as a sigh ("Tusen takk, da kan jeg bruke den igjen"). */
    private static final Pattern THANKS = Pattern.compile("(?iu)^(?:tusen |tusind |stort |many |mange )?(?:takk|tak|tack|thanks|thank)");
    /**
     * How a sigh goes on: "Flott, da blir det …", "Fedt, så bliver det …", "Toppen då blir det …" (it will be that again), or
     * in English "Great, so no …", "Great, … again tonight then." Not "Flott, da har vi strøm igjen" (it is back), nor
     * "Perfekt, da får jeg igjen pengene" (a refund).
     */
    private static final Pattern THEN = Pattern.compile("(?iu)^\\s*,?\\s*(?:da|så|då)\\s+(?:blir|bliver|blei|vart)\\s+(?:det|vi|jeg|jag|eg)(?![\\p{L}])");
    private static final Pattern THEN_EN = Pattern.compile("(?iu)^\\s*,?\\s*so\\s+(?:no|that's|that’s|that is)(?![\\p{L}])|(?<![\\p{L}])then\\s*[.…]*\\s*$");
    /** The same once more, told without "again": "ännu en vecka", "endnu en aften", "nok ein tur", "yet another", "the third Saturday running". */
    private static final Pattern ONCE_MORE = Pattern.compile("(?iu)(?<![\\p{L}])(?:(?:ännu|endnu|enda|enno)\\s+(?:en|ett|et|ei|ein|eit)"
            + "|yet another|another(?:\\s+\\p{L}+){1,2}\\s+(?:without|with no)"
            + "|(?:third|fourth|fifth|tredje|fjerde|fjärde|femte)\\s+(?:\\p{L}+\\s+)?(?:running|in a row|på rad|i træk|i rad))(?![\\p{L}])");
    /**
     * Nynorsk "att": again, where it closes the telling ("ein tur til Førde att for å hente pakken", "straumen er borte att.");
     * not "pengar att til julegåver" (left over). In Swedish the same letters are "that".
     */
    private static final Pattern AGAIN_NN = Pattern.compile("(?iu)(?<![\\p{L}])att(?=\\s*(?:[.!…,]|$|for å |og ))");
    /** "Jaha", "jaja", "nåvel", "oh well": resignation, opening a sigh as a kind word may. */
    private static final Pattern RESIGNED = Pattern.compile("(?iu)(?:jaha|jaja|ja ja|jasså|nåja|nåvel|nå vel|nåväl|oh well|ah well)(?![\\p{L}])\\s*[,.…]*");

    /**
     * A sentence that opens with a kind word as a sigh ("Flott, da blir det …", "Fedt, så bliver det …", "Great, so no …"), in a
     * post said flat (no "!"), and tells of something once more, not of coming back, of trying again, of what is finally back,
     * and asks nothing: "Flott, da blir det brettspill og stearinlys i kveld igjen." is an outage; "Herlig, da blir det
     * fredagstaco igjen i kveld!" is joy. The caller asks for no other kind word in the post.
     */
    private boolean sighedBeforeTheSameAgain(String body, TriageLexicon lex) {
        if (body.contains("!")) {
            return false;
        }
        Matcher m = SENTENCE.matcher(body);
        while (m.find()) {
            String sentence = m.group().replaceFirst("^[^\\p{L}]+", "");
            boolean again = AGAIN.matcher(sentence).find() || ONCE_MORE.matcher(sentence).find()
                    || ("nn".equals(lex.language()) && AGAIN_NN.matcher(sentence).find());
            if (!again || sentence.strip().endsWith("?") || RETURNING.matcher(sentence).find()
                    || FINALLY.matcher(sentence).find() || THANKS.matcher(sentence).find()) {
                continue;
            }
            // "Jaha, då blir det ännu en vecka …": a resigned "well then" opens a sigh as a kind word does.
            Matcher resigned = RESIGNED.matcher(sentence);
            if (resigned.lookingAt()) {
                if (goesOnAsASigh(sentence.substring(resigned.end()), true)) {
                    return true;
                }
            }
            for (TriageLexicon l : lex == english ? List.of(lex) : List.of(lex, english)) {
                for (Phrases.Match p : l.praise().findAll(sentence)) {
                    if (p.start() != 0) {
                        continue;
                    }
                    if (goesOnAsASigh(sentence.substring(p.found().length()), l == english)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether what follows a sigh's opening goes on as one: "… da blir det …", and in English also "so no …", "… then." */
    private static boolean goesOnAsASigh(String rest, boolean english) {
        return THEN.matcher(rest).find() || (english && THEN_EN.matcher(rest).find());
    }

    /** "Hei igjen", "hello again": a greeting, not a repeated failure. */
    private static final Pattern GREETED_AGAIN = Pattern.compile("(?i)\\b(hei|hej|hallo|hallå|hello|hi)\\s+(igjen|igen|again)\\b");
    /**
     * "Chauffören som väntade på min dotter", "the driver who waited for us": someone who waited for the customer did them a
     * kindness; the waiting is not the customer's grievance.
     */
    private static final Pattern WAITED_FOR_US = Pattern.compile("(?iu)(?<![\\p{L}])(?<!(?:ingen|nobody|one|never|aldri|aldrig|ikke|inte|ikkje|not|noen|nogen|någon|anyone)\\s)(waited|ventet|venta|ventede|väntade|väntat)\\s+(for|på)\\s+(me|us|meg|oss|mig|os|mej)(?![\\p{L}])"
            + "|(?<![\\p{L}])(?<!(?:ingen|nobody|one|never|aldri|aldrig|ikke|inte|ikkje|not|noen|nogen|någon|anyone)\\s)(who|that|som|der)\\s+(?:(?:had|har|hadde|havde|hade|even|til og med|også|och|og|and|patiently|tålmodig|tålmodigt)\\s+)?"
            + "(waited|ventet|venta|ventede|väntade|väntat)\\s+(?:\\p{L}+\\s+)?(for|på)\\s+(me|my|us|our|meg|mi|min|mitt|mine|oss|vår|vårt|våre|mig|mit|os|vores|mina|våra|henne|han|ham|hende|honom|her|him|them|dem)(?![\\p{L}])");
    /** The text with every match of the patterns blanked (same length, so positions stay). */
    private static String blank(String text, Pattern... patterns) {
        String out = text;
        for (Pattern p : patterns) {
            out = p.matcher(out).replaceAll(m -> " ".repeat(m.group().length()));
        }
        return out;
    }

    /** "Sjåføren var hyggelig nok, men …", "nice enough, but": a kind word conceded before the "but" is no praise. */
    private static final Pattern CONCEDED = Pattern.compile("(?iu)(?<![\\p{L}])\\p{L}+(?=\\s+(nok|nog|enough)\\s*,?\\s+(men|but)(?![\\p{L}]))");
    /** "@recovery_expert_hansen", "@crypto_trader_anna": a handle that sells money. */
    private static final Pattern MONEY_HANDLE = Pattern.compile("(?iu)(?<![\\w.])@[\\w.]*(recover|invest|crypto|krypto|trading|forex|profit)[\\w.]*");

    /** "Quick question", "kort spørsmål": how a question is introduced, no praise. */
    private static final Pattern QUICK_QUESTION = Pattern.compile("(?iu)(?<![\\p{L}])(quick|rask|raskt|kort|snabb|kjapt|kjapp)\\s+(one|question|spørsmål|spørgsmål|spursmål|fråga)(?![\\p{L}])");
    /** "Hun ble igjen etter stengetid": stayed behind, not "again". */
    private static final Pattern STAYED_BEHIND = Pattern.compile("(?iu)(?<![\\p{L}])(ble|blei|vart)\\s+igjen\\s+(etter|for å|for og|til|på jobb|på kontoret)(?![\\p{L}])");
    /** An upside-down smile, a clown: irony whatever stands beside it. */
    private static final Pattern IRONY_FACE = Pattern.compile("[\\x{1F643}\\x{1F921}]");
    /** An upside-down smile, a clown, slow clapping: kind words said with these are not kind. */
    private static final Pattern IRONY_EMOJI = Pattern.compile(IRONY_FACE.pattern() + "|\\x{1F44F}\\s*\\x{1F44F}");
    /** A word or two in quotes: "kalla det 'förbättrat erbjudande'". */
    private static final Pattern SCARE_QUOTES = Pattern.compile("(?<![\\p{L}\\p{N}])['‘\"“«][\\p{L}][^'’\"”»\\n]{1,40}['’\"”»](?![\\p{L}])");
    /** "Ert 'snabba bredband'", "jeres 'hurtige levering'", "your 'premium support'": the company's claim in scare quotes. */
    private static final Pattern YOUR_QUOTED = Pattern.compile("(?iu)(?<![\\p{L}])(?:ert|era|ditt|din|dine|dina|dit|deres|dykkar|jeres|your)\\s+"
            + SCARE_QUOTES.pattern());
    /**
     * "Amazing how…", "Så flott at…", "Jättebra att…", "Great, and now…": praise framing what follows. "Og" or "and" frames only
     * after a comma; "hyggelig og hjelpsom", "kind and helpful" join two kind words.
     */
    private static final Pattern THAT = Pattern.compile("^\\s*(,\\s*(og|and)\\b|,?\\s*(at|att|that|how|hvordan|hur|korleis|å)\\b)", Pattern.CASE_INSENSITIVE);
    /** "... når man har brug for det. Not." */
    private static final Pattern LONE_NOT = Pattern.compile("(?:^|[.…!]\\s+)(?i:not|ikke|ikkje|inte)\\s*[.!]");
    /** Clapping or any other warm emoji. */
    private static final Pattern WARM_EMOJI = Pattern.compile("\\x{1F44F}|" + OTHER_WARM_EMOJI.pattern());
    private static final Pattern RHETORICAL = Pattern.compile("\\?\\s*!|!\\s*\\?|\\?{2,}");
    /** "Great service... NOT." */
    private static final Pattern CAPS_NOT = Pattern.compile("[.…!]\\s*(NOT|IKKE|IKKJE|INTE)(?![\\p{L}])");
    private static final Pattern IRONY_AFTER = Pattern.compile("^[\"”»']?\\s*(\\.{2,}|…|[!]?\\s*[\\x{1F644}\\x{1F643}\\x{1F612}\\x{1F611}\\x{1F624}\\x{1F621}\\x{1F92C}\\x{1F926}\\x{1F937}\\x{1F440}]|\\s*,?\\s*(not|ikke|ikkje|inte)\\b)");
    private static final Pattern PROMO = Pattern.compile("[\\x{1F4B0}\\x{1F4B8}\\x{1F4B5}\\x{1F680}\\x{1F525}\\x{1F381}\\x{1F911}\\x{2705}\\x{1F447}\\x{1F449}\\x{1F389}\\x{27A1}]"
            + "|-\\s?\\d{2}\\s?%|\\d{2}\\s?%\\s?(rabatt|afslag|off|discount)"
            // a sum in the thousands with its currency sign: "I made $12,000 last month"
            + "|[$£€]\\s?\\d{1,3}(?:[,.]\\d{3})+");

    private static final Pattern LAST_WORDS = Pattern.compile("([\\p{L}']+)\\s+(?:[\\p{L}']+\\s+)?$");

    /** Praise words right after a negation ("not happy", "ikke fornøyd"): they are a grievance. */
    private static int deniedPraise(String text, TriageLexicon lex) {
        if (lex.negation().isEmpty()) {
            return 0;
        }
        Set<String> denied = new LinkedHashSet<>();
        for (Phrases.Match m : lex.praise().findAll(text)) {
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            Matcher w = LAST_WORDS.matcher(before);
            if (w.find() && lex.negation().any(before.substring(w.start()))) {
                denied.add(m.phrase());
            }
        }
        return denied.size();
    }

    /** Words that may stand between a negation and the grievance it denies: "inte en enda försening", "not a single delay". */
    private static final Pattern FILLER = Pattern.compile(
            "(?i)a|an|any|one|single|en|ei|et|ett|ein|eit|enda|eneste|einaste|enkelt|enkel|noen|nogen|nokon|någon|något|några|noe|noget|noko|større|store|stora|stort|real|major");
    private static final String CLAUSE_END = ".,;:!?\n";

    /**
     * The text with each grievance that a negation just before it denies blanked out, negation and all: "ingen
     * forsinkelser", "inget krångel alls", "never late". Only filler words ("a single", "en enda") may stand between.
     */
    private static String withoutDeniedGrievances(String text, TriageLexicon lex) {
        if (lex.negation().isEmpty()) {
            return text;
        }
        char[] out = text.toCharArray();
        for (Phrases.Match m : lex.complaint().findAll(text)) {
            int from = m.start();
            int clause = from;
            while (clause > 0 && CLAUSE_END.indexOf(text.charAt(clause - 1)) < 0) {
                clause--;
            }
            Matcher w = WORD.matcher(text.substring(clause, from));
            List<int[]> spans = new ArrayList<>();
            while (w.find()) {
                spans.add(new int[]{clause + w.start(), clause + w.end()});
            }
            for (int i = spans.size() - 1; i >= 0 && i >= spans.size() - 3; i--) {
                String word = text.substring(spans.get(i)[0], spans.get(i)[1]);
                if (lex.negation().any(word)) {
                    Arrays.fill(out, spans.get(i)[0], m.start() + m.found().length(), ' ');
                    break;
                }
                if (!FILLER.matcher(word).matches()) {
                    break;
                }
            }
        }
        return new String(out);
    }

    /** "Kunne dere sjekke …?", "Could you look into …?", "Kan I kigge på det?": the post asks us to do something. */
    private static final Pattern ASKS_US = Pattern.compile("(?u)(?:^|[.!?]\\s+|\\n)\\s*(?:(?i:hei|hej|hi|hello)[,!]?\\s+)?"
            + "(?i:kunne|kan|vil|ville|could|can|would|will|kunde|skulle)\\s+(?:(?i:dere|de|dykk|du|ni|you)|I)(?![\\p{L}])[^!?\\n]{0,200}\\?");
    /** "Takk for hjelpen." closing such a request: thanks for the help asked for, not for help given. */
    private static final Pattern HELP_THANKS = Pattern.compile("(?iu)(?<![\\p{L}])(?:på forhånd |på førehand |på förhand |på forhand )?"
            + "(?:tusen |tusind |mange |stort |many )?(?:takk|tak|tack|thanks|thank you)\\s+(?:for|för)\\s+(?:(?:the|your|all|din|dykkar|deres|er|jeres)\\s+)?"
            + "(?:hjelpen|hjelpa|hjelp|hjælpen|hjælp|hjälpen|hjälp|help)(?:\\s+in advance)?\\s*[.!]?\\s*$");
    /** "Takk for svar", "tack på förhand", "thanks in advance": courtesy under a post, not kind words about us. */
    private static final Pattern COURTESY = Pattern.compile("(?iu)(?<![\\p{L}])(på forhånd |på førehand |på förhand |på forhand |in advance )?"
            + "(takk|tak|tack|thanks|thank you)\\s+(for svar(et)?|för svar(et)?|på forhånd|på førehand|på förhand|på forhand|in advance"
            + "|for (your|any) (reply|answer|response)"
            // "Takk for at dere ser på det", "thanks for looking into it": a request closed politely.
            + "|for at dere ser på (det|dette|saken)|for at de ser på (det|dette|saka)|for at i kigger på (det|sagen)|for at i ser på (det|sagen)"
            + "|för att ni tittar på (det|detta|saken)|för att ni ser över (det|detta|saken)|for looking into (it|this|that)"
            + "|for taking a look)(?![\\p{L}])"
            // "Setter pris på svar", "Ett svar uppskattas", "an answer would be appreciated": a reply asked for politely.
            + "|(?<![\\p{L}])(?:setter|sætter|set|sett) (?:stor )?pris på (?:et |eit |en |ei |rask |raskt |snarlig |hurtig )?(?:svar|tilbakemelding|tilbagemelding|hjelp|hjælp)"
            + "|(?:ett |et )?(?:snabbt |snart )?svar uppskattas|(?:an? )?(?:quick |prompt )?(?:answer|reply|response) would be (?:much |greatly )?appreciated"
            // "Ver så snill å få ordna det, takk.": a request closed with a lone thanks.
            + "|(?<![\\p{L}])(vær så snill|ver så snill|vennligst|venligst|snälla|please)(?![\\p{L}])[^.!?\\n]{0,80},\\s*(takk|tak|tack|thanks|thank you)\\s*[.!]*\\s*$");
    /** A kind word in a sentence that trails off ("…", "..."), the classic ironic pause. */
    private static final Pattern TRAILING_OFF = Pattern.compile("(?:^|[.!?\\n])([^.!?\\n…]*?)(?:…|\\.\\.\\.)");

    /** Kind words that trail off with something wrong after the pause ("Fantastisk service… Fikk en regning på 9 800 kr"). */
    private boolean trailsOff(String text, TriageLexicon lex) {
        int lastSign = -1;
        for (Phrases p : List.of(lex.complaint(), lex.weak())) {
            for (Phrases.Match s : p.findAll(text)) {
                lastSign = Math.max(lastSign, s.start());
            }
        }
        Matcher since = SINCE_WHEN.matcher(text);
        while (since.find()) {
            lastSign = Math.max(lastSign, since.start());
        }
        Matcher m = TRAILING_OFF.matcher(text);
        while (m.find() && m.end() <= lastSign) {
            if (lex.praise().any(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** "I was sure the return would be a nightmare, but…", "trodde at bytet skulle bli…": trouble told as what was expected. */
    private static final Pattern FEARED = Pattern.compile("(?iu)(?<![\\p{L}])(thought|expected|was sure|feared|trodde|trudde|troede|tänkte|trodde att"
            + "|regnet med|rekna med|regnede med|räknade med|räknade kallt med|regnet fast med|regnede fast med|var sikker på|var säker på)(?![\\p{L}])[^.!?\\n]{0,60}?"
            + "(would|would have to|had to|was going to|skulle|ville|måtte|måste|matte|kom til å|kom att|kom til at)(?![\\p{L}])"
            // Trouble dreaded or braced for is named by what follows: "grua meg til å ringe", "was braced for a fight".
            + "|(?<![\\p{L}])(grua meg til|gruet meg til|grudde meg til|grudde mig til|gruede mig til|gruvade mig för|bävade för|dreaded|was dreading"
            + "|braced for|braced myself for|forberedt på|forberedt meg på|forberedt mig på|beredd på|førebudd på)(?![\\p{L}])");

    /** "Ikke", "not", "never": an expectation said with one of these is of no trouble. */
    private static final Pattern NEGATED = Pattern.compile("(?iu)(?<![\\p{L}])(ikke|ikkje|inte|ikkj|not|never|aldri|aldrig|no)(?![\\p{L}])|n't(?![\\p{L}])");
    /** Words that make the part after a "but" worse or the same, not better. */
    private static final Pattern NO_BETTER = Pattern.compile("(?iu)(?<![\\p{L}])(ikke|ikkje|inte|not|never|aldri|aldrig|verre|værre|värre|worse"
            + "|fortsatt|fremdeles|framleis|ennå|enno|endå|stadig|still|fortfarande|igjen|igen|again|even"
            + "|for mye|for meget|för mycket|too much|for lenge|for længe|för länge|too long|nå har det gått|nu har det gått|nu er der gået"
            + "|no har det gått|it's been|it has been|now it's)(?![\\p{L}])");

    /** The sentence after a "but" says nothing wrong: the feared trouble did not come. */
    private boolean betterAfter(String text, int butAt, TriageLexicon lex) {
        int end = butAt;
        int limit = Math.min(text.length(), butAt + 200); // one clause is enough, and the scan stays linear
        while (end < limit && ".!?\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String after = text.substring(butAt, end);
        return !NO_BETTER.matcher(after).find() && !grievanceWords(after, lex);
    }

    /** The text with feared trouble blanked, and how many expectations of trouble were turned by a "but". */
    private record Feared(String text, int turned) {
    }

    /** Where a phrase of feared trouble stands; {@code expectation} when the pattern found it, not a listed phrase; {@code dread} for "grua meg til", "braced for". */
    private record Span(int start, int end, boolean expectation, boolean dread) {
    }

    /**
     * "Trodde det skulle bli styr med den tapte bagasjen, men…", "expected a fight over the lost luggage but": the trouble
     * a customer feared, up to the "but" in the same sentence, is not a grievance. One pass: each "but" and sentence end
     * is looked for once.
     */
    private Feared withoutFearedTrouble(String text, TriageLexicon lex) {
        List<Span> feared = new ArrayList<>();
        lex.negatedPraise().findAll(text).forEach(f -> feared.add(new Span(f.start(), f.start() + f.found().length(), false, false)));
        if (lex != english) {
            english.negatedPraise().findAll(text).forEach(f -> feared.add(new Span(f.start(), f.start() + f.found().length(), false, false)));
        }
        Matcher would = FEARED.matcher(text);
        while (would.find()) {
            // "Trodde ikke jeg skulle måtte mase igjen, men …": an expectation of no trouble that was let down is no praise.
            if (!NEGATED.matcher(text.substring(would.start(), Math.min(text.length(), would.end() + 8))).find()) {
                feared.add(new Span(would.start(), would.end(), true, would.group(1) == null));
            }
        }
        if (feared.isEmpty()) {
            return new Feared(text, 0);
        }
        int turned = 0;
        feared.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text);
        Matcher but = BUT.matcher(text);
        int butAt = -1;
        int stopAt = -1;
        int maskedTo = 0;
        for (Span f : feared) {
            int from = Math.min(text.length(), f.end());
            if (from < maskedTo) {
                continue;
            }
            if (butAt < from) {
                butAt = but.find(from) ? but.start() : Integer.MAX_VALUE;
            }
            if (stopAt < from) {
                stopAt = from;
                while (stopAt < text.length() && ".!?\n".indexOf(text.charAt(stopAt)) < 0) {
                    stopAt++;
                }
            }
            if (butAt < stopAt) {
                for (int i = from; i < butAt; i++) {
                    out.setCharAt(i, ' ');
                }
                maskedTo = butAt;
                // A listed phrase counts already as praise worded with a negative; an expectation counts when it was of trouble
                // ("skulle bli strul", not "would be here by Friday, but nothing has arrived").
                String clause = text.substring(from, butAt);
                // Dread is trouble by itself ("grua meg til å ringe forsikringa, men det tok fem minutt"); what comes after the
                // "but" must be better, not worse ("regnet med å vente lenge, men ikke tre måneder!").
                turned += f.expectation() && (f.dread() || grievanceWords(clause, lex)
                        || TROUBLE.matcher(clause).find()) && betterAfter(text, butAt, lex) ? 1 : 0;
            }
        }
        return new Feared(out.toString(), turned);
    }

    /** Trouble a customer expected ("skulle bli strul", "would be a hassle"), words too mild to count as a grievance on their own. */
    private static final Pattern TROUBLE = Pattern.compile("(?iu)(?<![\\p{L}])(strul|krångel|bøvl|besvær|styr|krøll|trøbbel|hassle|nightmare"
            + "|mareritt|mareridt|mardröm|problem\\p{L}*|trouble|krangl\\p{L}*|kjeft|kjempe|slåss|kæmpe|skændes|bråk\\p{L}*|tjafs\\p{L}*|fight|argue|chase|chasing|mas|mase|masa|maset|lenge|længe|länge|ages|forever|evig\\p{L}*)(?![\\p{L}])");

    private static final Pattern BUT = Pattern.compile("(?i)(?<![\\p{L}])(men|but|mutta)(?![\\p{L}])");

    /** "Hvis", "dersom", "viss", "ifall", "if", "in case": what follows, to the clause's end, is supposed, not told. */
    // "Om" is "if" only before a clause: "om flyet blir forseinka", "om bussen är försenad"; not "om at", not "om pakken som er borte",
    // not "lurer på om" or "undrar om" (whether), not "om vinteren" (in winter).
    // "Blir det forsinkelser i romjula?", "will there be delays?": asked about what may come; not "blir det nokon gong slutt på…".
    private static final Pattern SUPPOSING = Pattern.compile("(?iu)(?:(?<![\\p{L}])(?:hvis|dersom|viss|ifall|i fall|if|in case"
            + "|(?:blir det|bliver det|vil det bli|will there be)(?![^.!?\\n]*(?:noen gang|nokon gong|nogen sinde|nogensinde|någonsin|ever"
            + "|bedre|betre|bättre|better|slutt|slut|an end)))(?![\\p{L}])"
            + "|(?<![\\p{L}])(?<!(?:lurer på|lurte på|lurer|undrar|undrer|undres|spør|spørger|frågar|wonder|vet ikke|veit ikkje|ved ikke"
            + "|vet inte|usikker på|osäker på|klar over|medvetna|medveten|opmærksomme)\\s)"
            + "om(?=\\s+(?!(?:at|att|som|der|morgenen|morgonen|kvelden|kvällen|aftenen|natta|natten|dagen|dagane|dagene|vinteren|vintern"
            + "|sommeren|sommaren|hausten|høsten|hösten|våren|helga|helgen|helgene|weekenden|helgerna)(?![\\p{L}]))\\p{L}+\\s+"
            + "(?:(?!(?:som|der)(?![\\p{L}]))\\p{L}+\\s+){0,2}(?:blir|bli|er|är|bliver|vert|blei|går|gjekk|gick)(?![\\p{L}])))[^.,;:!?\\n]*");

    /** A passage in quotation marks: «…», "…", “…”, '…' (an apostrophe inside a word opens none). */
    private static final Pattern QUOTED_PASSAGE = Pattern.compile("[«“„\"][^«»“”„\"\\n]{3,300}[»”\"]|(?<![\\p{L}])['‘][^'’\\n]{3,300}['’](?![\\p{L}])");
    /** "Er dette fra dere?", "is this really from you?": a customer asking about a message, never the message itself. */
    private static final Pattern FROM_YOU = Pattern.compile("(?iu)(?<![\\p{L}])(?:er (?:dette|det|det her|den) (?:\\p{L}+ )?fra (?:dere|jer)"
            + "|er (?:dette|det|den) (?:\\p{L}+ )?frå (?:dykk|dokk|dykker)|är (?:detta|det|den) (?:\\p{L}+ )?från (?:er|er\\?)"
            + "|is (?:this|that|it) (?:\\p{L}+ )?from you|is (?:this|that|it) (?:legit|genuine|real)|did you send)(?![\\p{L}])");

    /**
     * "Jag såg att det har varit problem med inloggningen. Behöver jag…?", "I received a letter saying there was a problem":
     * trouble the customer read or was told of, in a post that asks about it, is not their grievance.
     */
    private static final Pattern REPORTED = Pattern.compile("(?iu)(?<![\\p{L}])(?:(?:har |have |has )?(?:lest|leste|lese|lesi|las|læst|læste|läst|läste|read|såg|saw|seen|sett"
            + "|hørt|høyrt|hört|heard|skriver|skrev|skriv|skreiv|wrote|writes|write)\\s+(?:at|att|that)"
            + "|(?:sms|brev|letter|e-post|epost|e-mail|email|mail|melding|besked|meddelande|varsel|notice|message)\\s+(?:[\\p{L}]+\\s+){0,2}?"
            + "(?:om at|om att|saying|that|der stod|det stod|som sa|som sier|som seier|som siger|som säger))(?![\\p{L}])[^.!?\\n]*");

    private static String withoutSupposedGrievances(String text) {
        return blank(text, SUPPOSING, REPORTED);
    }

    /**
     * A warm recommendation: "Kan varmt anbefales", "anbefales på det varmeste", "Would recommend to anyone", "Highly
     * recommend", "Rekommenderas varmt". Irony says the opposite and seldom sends others to us warmly; a bare "Kan anbefales."
     * under a story of a sofa that came in September may be irony, and "kundeservice anbefalte meg å …" is advice.
     */
    private static final Pattern RECOMMEND = Pattern.compile("(?iu)(?<![\\p{L}])(?:"
            + "(?:varmt|sterkt|starkt|highly|warmly|thoroughly|definitely|absolutely)\\s+(?:anbefal|rekommender|recommend)\\p{L}*"
            + "|(?:anbefales|anbefalast|rekommenderas|anbefaler|rekommenderar|recommend|recommended)\\s+(?:\\p{L}+\\s+)?"
            + "(?:varmt|på det varmeste|starkt|sterkt|to anyone|to everyone|to all|til alle|till alla|til enhver|alle steder))");
    /** "Kan ikke anbefales", "would not recommend", "kan inte rekommendera": a warning, not a recommendation. */
    private static final Pattern NOT_BEFORE = Pattern.compile("(?iu)(?<![\\p{L}])(?:ikke|ikkje|inte|ej|not|never|aldri|aldrig|wouldn't|won't|can't|cannot|couldn't)"
            + "(?:\\s+\\p{L}+){0,2}\\s*$");

    /** The post recommends us to others, not denied: "Vi har fått nytt tak … Kan varmt anbefales." */
    private static boolean recommends(String body) {
        Matcher m = RECOMMEND.matcher(body);
        while (m.find()) {
            if (!NOT_BEFORE.matcher(body.substring(Math.max(0, m.start() - 40), m.start())).find()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern THANKS_WORD = Pattern.compile("(?i)(tusen |tusind |stort |stor |mange |many |big |huge )?(takk|tak|tack|thanks|thank you|thank|cheers)");
    private static final int VERDICT_WORDS = 6;
    private static final Pattern PLEASE = Pattern.compile("(?i),\\s*(takk|tak|tack|thanks)\\s*[.!]?\\s*$");

    /**
     * Kind words that describe nothing: only thanks, a "love how…" frame, or a short flat verdict ("Meget
     * betænksomt.", "Great customer care."), beside a plain story with no kind word of its own and no "!" or warm
     * emoji anywhere, and no recommendation. Sincere praise mostly says what was good; a dry one-liner under a story may be irony.
     */
    private static boolean kindWordsOnlyAsVerdict(String body, TriageLexicon lex) {
        if (body.contains("!") || WARM_EMOJI.matcher(body).find() || recommends(body)) {
            return false;
        }
        int sentences = 0;
        int kindWords = 0;
        boolean story = false;
        Matcher m = SENTENCE.matcher(body.strip());
        while (m.find()) {
            String sentence = m.group();
            long words = WORD.matcher(sentence).results().count();
            if (words == 0) {
                continue;
            }
            sentences++;
            boolean verdict = words <= VERDICT_WORDS;
            // "Svar meg, takk.": a request's "please", not a verdict; such posts are left as they were read before (README, "Judgment").
            Matcher please = PLEASE.matcher(sentence);
            int requestAt = please.find() ? please.start(1) : -1;
            List<Phrases.Match> kind = lex.praise().findAll(sentence).stream().filter(p -> p.start() != requestAt).toList();
            kindWords += kind.size();
            if (lex.staffThanks().any(sentence)) {
                return false; // thanks to someone ("tack till hemtjänsten som kom trots snöstormen") is meant
            }
            for (Phrases.Match p : kind) {
                int end = p.start() + p.found().length();
                boolean frame = THAT.matcher(sentence.substring(end, Math.min(sentence.length(), end + 10))).find();
                if (!verdict && !frame && !THANKS_WORD.matcher(p.found()).matches()) {
                    return false; // says what was good
                }
            }
            // The story: a plain sentence, or a long one the thanks or the frame only opens ("Tak, fordi chaufføren smed…").
            story |= kind.isEmpty() ? words >= 5 : words >= 8;
        }
        return sentences >= 2 && story && kindWords > 0;
    }

    /**
     * The last sentence pays a compliment ("Men Kari var fantastisk.", "The lady on the phone was lovely.") or thanks someone,
     * with no grievance word of its own. A bare thanks ("Takk.", "Thanks for your help.") closes a complaint politely and is not
     * counted.
     */
    private static boolean closesWithACompliment(String masked, TriageLexicon lex) {
        // "… forsinket en uke, men sjåføren var utrolig hyggelig": what follows the last turn of the story counts as its close.
        Matcher turn = ("en".equals(lex.language()) ? TURN_EN : TURN).matcher(masked);
        int from = -1;
        while (turn.find()) {
            from = turn.end();
        }
        if (from >= 0 && compliment(masked.substring(from), lex)) {
            return true;
        }
        return compliment(lastSentence(masked), lex);
    }

    /** "Men", "but": where a story turns. */
    private static final Pattern TURN = Pattern.compile("(?iu)(?<![\\p{L}])men(?![\\p{L}])");
    private static final Pattern TURN_EN = Pattern.compile("(?iu)(?<![\\p{L}])(but|however)(?![\\p{L}])");

    private static boolean compliment(String last, TriageLexicon lex) {
        if (last.isBlank() || last.strip().endsWith("?") || lex.complaint().any(last) || lex.weak().any(last)) {
            return false;
        }
        if (lex.staffThanks().any(last)) {
            return true;
        }
        return lex.praise().findAll(last).stream().anyMatch(p -> !THANKS_WORD.matcher(p.found()).lookingAt());
    }

    /** A praise word that frames a clause: "Amazing how the trains are never on time". */
    private static boolean praiseThat(String body, TriageLexicon lex) {
        for (Phrases.Match m : lex.praise().findAll(body)) {
            int end = m.start() + m.found().length();
            if (THAT.matcher(body.substring(end, Math.min(body.length(), end + 10))).find()) {
                return true;
            }
        }
        return false;
    }

    /** A praise word in quotes, or followed by dots, an eye-roll or "not": "Fantastisk service...". */
    private static boolean ironicPraise(String body, TriageLexicon lex) {
        for (Phrases.Match m : lex.praise().findAll(body)) {
            int end = m.start() + m.found().length();
            char before = m.start() > 0 ? body.charAt(m.start() - 1) : ' ';
            if (before == '"' || before == '“' || before == '«' || before == '\'') {
                return true;
            }
            String after = body.substring(end, Math.min(body.length(), end + 12));
            if (IRONY_AFTER.matcher(after).find()) {
                return true;
            }
        }
        return false;
    }

    /** Advertising: money and rocket emoji, or several words in capitals. */
    private static boolean promotional(String body) {
        return PROMO.matcher(body).find() || CAPS_WORDS.matcher(body).results().count() >= 3;
    }

    private static final Pattern CAPS_WORDS = Pattern.compile("(?<![\\p{L}])\\p{Lu}{3,}(?![\\p{L}])");

    /** A Nordic role in its definite form between thanks and a name ("sjåføren", "busschauffören"). */
    private static final Pattern DEFINITE_ROLE = Pattern.compile("\\p{L}{3,}(en|et|a|n|na|ne)");

    /** Words that are no role between thanks and a name: "takk til dere i Oslo" names no one. */
    private static final Set<String> NOT_A_ROLE = Set.of("dere", "de", "jer", "er", "ni", "you", "y'all", "oss", "os", "us", "alle", "all",
            "everyone", "i", "på", "paa", "fra", "frå", "från", "hos", "in", "at", "from", "av", "af", "ved", "vid", "by", "for", "för", "til", "till",
            "to", "og", "and", "och", "min", "mi", "mitt", "my", "deg", "dig", "meg", "mig", "me", "hele", "heile", "hela", "whole");

    /** "Takk til Maria", "thanks to Tom": the first name of the person a post thanks. */
    private String staffNamed(String story, TriageLexicon lex) {
        List<Phrases.Match> thanks = new ArrayList<>(lex.staffThanks().findAll(story));
        if (lex != english) {
            thanks.addAll(english.staffThanks().findAll(story));
        }
        for (Phrases.Match m : thanks) {
            Matcher w = WORD.matcher(story);
            int from = m.start() + m.found().length();
            // "Takk til Maria", and "eloge till busschauffören Mikael", "thanks to the driver Sam": a role may stand between,
            // a definite noun in the Nordic languages, "the" and one word in English; nothing else ("thanks to your delay, Emma").
            for (int words = 0; words <= 2 && w.find(from); words++) {
                String name = w.group();
                if (!story.substring(from, w.start()).isBlank()) {
                    break;
                }
                if (name.length() >= 2 && Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(Locale.ROOT))) {
                    return name;
                }
                boolean role = lex == english || !NORDIC.contains(lex.language())
                        ? words == 0 ? name.equals("the") : words == 1 && Character.isLowerCase(name.charAt(0))
                        : words == 0 && Character.isLowerCase(name.charAt(0)) && DEFINITE_ROLE.matcher(name).matches() && !NOT_A_ROLE.contains(name);
                if (!role) {
                    break;
                }
                from = w.end();
            }
        }
        return null;
    }

    /** A post's language shows in its opening; reading more only costs time (the detector is slow per character). */
    static String opening(String text) {
        if (text.length() <= LANGUAGE_SAMPLE) {
            return text;
        }
        int end = text.offsetByCodePoints(0, text.codePointCount(0, LANGUAGE_SAMPLE));
        int space = text.lastIndexOf(' ', end);
        return text.substring(0, space > LANGUAGE_SAMPLE / 2 ? space : end);
    }

    /** The language a reply is written in: the post's own, unless the operator maps it to another. */
    public String replyLanguageOf(String language) {
        return config.triage().replyFallback().getOrDefault(language, language);
    }

    private TriageLexicon lexiconFor(String language) {
        TriageLexicon lex = lexicons.get(language);
        if (lex == null) {
            lex = lexicons.get(replyLanguageOf(language));
        }
        return lex != null ? lex : english;
    }

    /** The Scandinavian languages, whose nouns have a definite form ending the word. */
    private static final Set<String> NORDIC = Set.of("nb", "nn", "da", "sv");

    /**
     * Danger, grief, threats and law, wherever a list names them. A Norwegian post is also read with the other written
     * standard's list: a short Nynorsk post is often detected as Bokmål, and a child in hospital must not go unnoticed
     * because the detector picked the neighbour.
     */
    private List<Phrases.Match> dangerWords(String body, TriageLexicon lex) {
        List<Phrases.Match> found = new ArrayList<>(lex.critical().findAll(body));
        found.addAll(english.critical().findAll(body));
        TriageLexicon other = otherNorwegian(lex.language());
        if (other != null) {
            found.addAll(other.critical().findAll(body));
        }
        return found;
    }

    /** The danger words, counted once where several lists name the same place. */
    private static int critical(List<Phrases.Match> danger) {
        return (int) danger.stream().mapToInt(Phrases.Match::start).distinct().count();
    }

    private int critical(String body, TriageLexicon lex) {
        return critical(dangerWords(body, lex));
    }

    /**
     * Whether every danger word is a condition or a need ("allergisk", "rullestol", "pregnant"), none of them harm done
     * ("allergisk reaksjon", "sykehus", "gas leak").
     */
    private boolean onlyConditions(List<Phrases.Match> danger, TriageLexicon lex) {
        return danger.stream().allMatch(m -> whole(lex.criticalConditions(), m.found()) || whole(english.criticalConditions(), m.found()));
    }

    /** Whether one of these phrases matches all of the text. */
    private static boolean whole(Phrases phrases, String text) {
        return phrases.findAll(text).stream().anyMatch(m -> m.start() == 0 && m.found().length() == text.length());
    }

    /**
     * The other written standard's lexicon for a Norwegian one (Nynorsk for Bokmål and back), or null. Bokmål and Nynorsk
     * are confused by the detector on short posts; Danish and Swedish are not read: their critical words have harmless
     * namesakes next door (Danish "enke*" in Norwegian "enkelt", Swedish "hot" in "hot dog", "vald" for chosen).
     */
    private TriageLexicon otherNorwegian(String language) {
        return switch (language) {
            case "nb" -> lexicons.get("nn");
            case "nn" -> lexicons.get("nb");
            default -> null;
        };
    }

    /** A sum of money: "798 kr", "2140,-", "£67.40", "1.299 kr", "€60". */
    private static final Pattern AMOUNT = Pattern.compile("(?iu)(?:[£$€]\\s?\\d|(?<![\\p{L}\\d])\\d[\\d .,]{0,12}\\s?(?:kr|kroner|kronor|kronur|nok|dkk|sek|eur|euro|pounds?|,-)(?![\\p{L}]))");
    /** How long it has gone on: "i sju uker", "for 5 weeks", "siden mai", "over to måneder". */
    private static final Pattern WAITED_LONG = Pattern.compile("(?iu)(?<![\\p{L}])(?:\\d+|to|två|two|tre|three|fire|fyra|four|fem|five|seks|sex|six|sju|syv|seven|åtte|otte|åtta|eight)"
            + "\\s+(?:uker|uke|veker|veke|uger|uge|veckor|vecka|weeks|måneder|månader|månadar|months|måned|månad|month)(?![\\p{L}])");

    private static Severity severity(String text, TriageLexicon lex) {
        int steps = lex.severe().count(text) + (shouting(text) ? 1 : 0) + (text.chars().filter(c -> c == '!').count() >= 3 ? 1 : 0)
                // Money lost and kept waiting: "Returnerte en jakke til 1 299 kr for fem uker siden. Ingen penger ennå."
                + (AMOUNT.matcher(text).find() && (WAITED_LONG.matcher(text).find() || SINCE_WHEN.matcher(text).find()) ? 1 : 0);
        // Loud or repeated is high; critical is kept for what the critical words name (health, safety, grief, threats, law).
        return steps > 0 ? Severity.HIGH : Severity.MEDIUM;
    }

    /** A problem said to be solved ("fixed", "virker nå"), not asked about ("Når blir det fikset?"). */
    private static boolean solved(String post, TriageLexicon lex) {
        String body = post.strip();
        int lastWrong = -2; // where the last sign of something wrong starts, found once when first needed
        Matcher m = SENTENCE.matcher(body);
        while (m.find()) {
            String sentence = m.group();
            if (sentence.strip().endsWith("?")) {
                continue;
            }
            for (Phrases.Match r : lex.resolved().findAll(sentence)) {
                // "Dere må få ordna dette nå", "I want this fixed now": a demand for a fix is no fix.
                String before = sentence.substring(Math.max(0, r.start() - 40), r.start());
                // "Driftsmeldingene deres sier at alt er i orden. Det er det IKKE.": a fix someone claims, then denied, is no fix.
                boolean claimed = CLAIMED.matcher(lastClause(before)).find();
                if (claimed && lastWrong == -2) {
                    lastWrong = lastSignOfSomethingWrong(body, lex);
                }
                boolean claimedThenDenied = claimed && lastWrong >= m.start() + r.start() + r.found().length();
                if (!DEMAND.matcher(before).find() && !claimedThenDenied) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Nothing wrong is told after the last words of a fix ("virker igjen, men regningen ble trukket to ganger" has). */
    private boolean nothingWrongAfterTheFix(String text, TriageLexicon lex) {
        List<Phrases.Match> fixes = lex.resolved().findAll(text);
        if (fixes.isEmpty()) {
            return false;
        }
        Phrases.Match last = fixes.stream().max(Comparator.comparingInt(Phrases.Match::start)).orElseThrow();
        String after = text.substring(Math.min(text.length(), last.start() + last.found().length()));
        return !grievanceWords(after, lex) && !lex.weak().any(after) && !english.weak().any(after);
    }

    private static final Pattern CLAUSE_BREAK = Pattern.compile("(?iu)[,;:–]|(?<![\\p{L}])(og|and|men|but|och|nå|nu|now|så)(?![\\p{L}])");

    /** What follows the last comma or "og"/"and"/"but" ("Dere sa det skulle fikses, og nå virker det": the fix is told). */
    private static String lastClause(String text) {
        Matcher m = CLAUSE_BREAK.matcher(text);
        int from = 0;
        while (m.find()) {
            from = m.end();
        }
        return text.substring(from);
    }

    /** Where the last sign of something wrong starts (a grievance word, a weak sign, "Det er det IKKE"), or -1. */
    private static int lastSignOfSomethingWrong(String text, TriageLexicon lex) {
        int last = -1;
        for (Phrases.Match w : lex.complaint().findAll(text)) {
            last = Math.max(last, w.start());
        }
        for (Phrases.Match w : lex.weak().findAll(text)) {
            last = Math.max(last, w.start());
        }
        Matcher caps = CAPS_NEGATION.matcher(text);
        while (caps.find()) {
            last = Math.max(last, caps.start());
        }
        return last;
    }

    /** Words that report what someone else says: what follows is their claim. */
    private static final Pattern CLAIMED = Pattern.compile("(?iu)(?<![\\p{L}])(sier|sa|sagt|påstår|påsto|hevder|hevdet|skriver|siger|sagde|påstod|hævder"
            + "|säger|sade|sa att|hävdar|says|say|said|claims?|claimed|insists?|according to|ifølge|ifølgje|enligt)(?![\\p{L}])");

    /** Words that ask for something to be done: what follows them has not happened. */
    private static final Pattern DEMAND = Pattern.compile("(?iu)(?<![\\p{L}])(må|skal|bør|burde|vil ha|vil at|ønsker|krever|forventer|få"
            + "|måste|ska|bör|vill ha|vill att|kräver|förväntar|kræver|forlanger|must|need|needs|want|wants|should|expect|please"
            + "|vær så snill|ver så snill|venligst|vennligst|snälla)(?![\\p{L}])");

    private static final Pattern WHY = Pattern.compile("(?iu)(?<![\\p{L}])(hvorfor|kvifor|korfor|varför|why|how come|hvordan kan|korleis kan|hur kan)(?![\\p{L}])");

    /** "Må man virkelig ringe fem ganger…", "ska man behöva vänta…", "should I just give up…": a question nobody asks for an answer. */
    private static final Pattern MUST_I_REALLY = Pattern.compile("(?iu)(?<![\\p{L}])(?:må|måste|skal|ska|should|must|do)\\s+"
            + "(?:man|ein|jeg|eg|jag|i|we|vi|me|one)\\s+(?:[\\p{L}]+\\s+)?(?:virkelig|verkeleg|verkelig|verkligen|really|seriously|behöva"
            + "|just give up|bare finne meg i|finne seg i)(?![\\p{L}])");

    /** Who asks for a way: "jeg", "eg", "jag", "vi", "me" (Nynorsk "we"); not "man", whose "hvordan kan man…" accuses. */
    private static final String ASKER = "(?:jeg|eg|jag|vi|me)";
    /** The doing a way is asked for: "hvordan søker jeg", "korleis klagar eg", "hur ansöker jag", "hvor sender jeg". */
    private static final String WAY_VERB = "(?:kan|får|gjør|gjer|gör|gør|søker|søkjer|søger|ansöker|söker|klager|klagar|reklamerer"
            + "|reklamerar|bestiller|beställer|endrer|endrar|ændrer|ändrar|melder|anmäler|sier|seier|siger|säger|avslutter|avsluttar|avslutar"
            + "|opsiger|finner|finn|finder|hittar|sender|sendar|skickar|betaler|betalar|bytter|byter|byttar|kontakter|kontaktar|går|registrerer"
            + "|registrerar|logger|loggar|sletter|slettar|sletta|fjerner|fjernar|stopper|stoppar|avbestiller|avbestillar"
            + "|afbestiller|avbeställer|aktiverer|aktiverar|flytter|flyttar|overfører|overførar|överför|oppdaterer|oppdaterar"
            + "|opdaterer|uppdaterar|sjekker|sjekkar|tjekker|kollar|fornyer|fornyar|förnyar|skifter|skiftar|legger|legg|lægger|lägger)";
    /**
     * "Hvordan klager jeg…?", "korleis søkjer eg…?", "hur ansöker jag…?", "how do I claim…?", "kan jeg få…?", "er det mulig å…?".
     * Not "hvordan i all verden kan dere…", "hva var det jeg betalte for?", "går det an å være så udugelig?".
     */
    private static final Pattern HOW_TO = Pattern.compile("(?iu)(?:(?<![\\p{L}])(?:hvordan|korleis|kordan|hur|hvor|kor|var)\\s+" + WAY_VERB
            + "\\s+" + ASKER + "(?![\\p{L}])"
            + "|(?<![\\p{L}])(?:how|where)\\s+(?:do|can|could|should|would|may|might)\\s+(?:i|we)(?![\\p{L}])"
            + "|^(?:(?:hei|hej|hallo|hello|hi|god dag|goddag)[,!.]?\\s+)?(?:kan|får|may|can|could)\\s+(?:jeg|eg|jag|vi|me|man|ein|i|we|one)\\s+"
            + "(?:få|fa|have|get|bytte|endre|endra|ændre|ändra|change)(?![\\p{L}])"
            + "|(?<![\\p{L}])(?:er det (?:mulig|mogleg|muligt)|går det an|är det möjligt|is it possible)\\s+(?:å|at|att|to)\\s+"
            + "(?!(?:være|vere|vera|vara|be|blive|bli|bliva)(?![\\p{L}]))"
            // "Går det att byta …?" (Swedish: "att" is the infinitive mark itself), "hur tar jag bort …?".
            + "|(?<![\\p{L}])går det att\\s+(?!(?:vara|bli|bliva)(?![\\p{L}]))"
            + "|(?<![\\p{L}])(?:hvordan|korleis|hur)\\s+(?:tar|tek|tager)\\s+" + ASKER + "\\s+(?:\\p{L}+\\s+){0,3}?bort(?![\\p{L}]))");
    /** "Why", "how can you", "hvordan kan man": a question that accuses; "hvordan kan jeg" asks for a way. */
    private static final Pattern ACCUSING = Pattern.compile("(?iu)(?<![\\p{L}])(?:hvorfor|kvifor|korfor|varför|why|how come"
            + "|(?:hvordan|korleis|hur) (?:kan) (?!" + ASKER + "(?![\\p{L}]))|how can (?!(?:i|we)(?![\\p{L}])))");
    /** "Hvordan sier jeg opp?" after a story of trouble: leaving is the complaint. */
    private static final Pattern LEAVING = Pattern.compile("(?iu)(?<![\\p{L}])(?:(?:si|sier|seie|seier|säga|säger)\\s+(?:\\p{L}+\\s+){0,2}?(?:opp|upp)"
            + "|opsige|opsiger|avslutte|avslutter|avslutta|avsluttar|avsluta|avslutar|cancel|terminate|leave|get hold of)(?![\\p{L}])");

    /** "Denne elendige turen", "this rubbish contract": a judgement in the very question ("how do I claim" asks; this scolds). */
    private static final Pattern NAMES_CALLED = Pattern.compile("(?iu)(?<![\\p{L}])(?:elendig|usel|usla|ussel|uselt|sølle|ræva|dritt|crap"
            + "|horrible|terrible|awful|useless|rubbish|pathetic|hopeless|håpløs|håplaus|katastrofal|latterlig|latterleg|löjlig|skandaløs"
            + "|skandalös|skandaløse|ubrukelig|ubrukeleg|uduelig|udugelig|värdelös|oduglig|inkompetent|incompetent|forferdelig|forferdeleg"
            + "|frygtelig|hemsk|fruktansvärd|uakseptabel|uakseptabelt|uacceptabel|oacceptabel|unacceptable|ridiculous|disgraceful"
            // Or a person's conduct: "a driver who was incredibly rude to my daughter", "en sjåfør som kjeftet på sønnen min".
            + "|rude|frekk|uhøflig|uhøfleg|uforskammet|uforskamma|kjeftet|kjefta|skældte|uforskammede|uhøflige|otrevlig|oförskämd|nedlatende)\\p{L}*");

    /** "Korleis skal vi få tak i barnevakt på ein dag?", "how am I supposed to…", "how are we meant to…". */
    private static final Pattern SUPPOSED = Pattern.compile("(?iu)(?<![\\p{L}])(?:(?:skal|skulle|ska|skall) " + ASKER
            + "|supposed to|(?:am|are|is) (?:i|we|you|one) meant)(?![\\p{L}])");

    /**
     * Whether the post asks how to do something, in a sentence of its own that ends with a question mark, nowhere asks why,
     * calls nothing names in that sentence ("Kan jeg få pengene tilbake for denne elendige turen?" is a complaint), and does
     * not ask how to leave after a story of trouble.
     */
    private boolean asksHowTo(String body, TriageLexicon lex, boolean troubled) {
        if (ACCUSING.matcher(body).find()) {
            return false;
        }
        Matcher m = SENTENCE.matcher(body.strip());
        while (m.find()) {
            String sentence = m.group().strip();
            if (sentence.endsWith("?") && HOW_TO.matcher(sentence).find() && !SUPPOSED.matcher(sentence).find()
                    && !(troubled && LEAVING.matcher(sentence).find())
                    && !NAMES_CALLED.matcher(sentence).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Can't see the option anywhere", "Finner ikke valget", "Hittar inte knappen": not finding the way asked for is part of
     * the asking, not a story of trouble.
     */
    private static final Pattern CANT_FIND = Pattern.compile("(?iu)(?<![\\p{L}])(?:(?:can't|cannot|can not|couldn't|could not|can´t|can’t)"
            + "\\s+(?:see|find|spot|locate)|(?:finner|finn|fant|fann|ser|såg)\\s+(?:ikke|ikkje|inte)(?!\\s+ut)|(?:kan|klarer|klarar) (?:ikke|ikkje|inte)"
            + "\\s+(?:finne|finna|finde|hitta|se|sjå|sjaa)|(?:finder|fandt|hittar|hittade)\\s+(?:ikke|inte)"
            + "|(?:har|have|I've|I have) (?:ikke|ikkje|inte|not) (?:funnet|funne|fundet|hittat|found))(?![\\p{L}])");

    /**
     * Whether anything is wrong besides not finding the way the post asks for ("How do I cancel a standing order? Can't see the
     * option anywhere."): leaving after a story of trouble is a complaint, leaving a standing order one cannot find is not.
     */
    private boolean troubledBeyondTheWay(String masked, TriageLexicon lex) {
        if (!CANT_FIND.matcher(masked).find()) {
            return true;
        }
        // Nor is the asking ("How do I cancel …?"): the question's opening and the leaving it asks about are read away, what
        // else the question tells is trouble ("How do I cancel my broadband now that it's been down for a week?").
        String rest = blank(masked, CANT_FIND, HOW_TO, LEAVING);
        return grievanceWords(rest, lex) || lex.weak().count(rest) >= 2;
    }

    /** Whether the text has a complaint word of the post's language or of English (which Nordic posts borrow). */
    private boolean grievanceWords(String text, TriageLexicon lex) {
        return lex.complaint().any(text) || english.complaint().any(text);
    }

    /** A sentence that asks a question with nothing wrong in it and no "why": "how do I submit a meter reading?". */
    private boolean asksPlainly(String sentence, TriageLexicon lex) {
        return sentence.strip().endsWith("?") && (lex.question().any(sentence) || english.question().any(sentence))
                && !WHY.matcher(sentence).find() && !grievanceWords(sentence, lex);
    }

    /** The last sentence with letters in it (where an ironic "thanks for that" closes a post). */
    private static String lastSentence(String text) {
        String last = "";
        Matcher m = SENTENCE.matcher(text.strip());
        while (m.find()) {
            if (m.group().chars().anyMatch(Character::isLetter)) {
                last = m.group();
            }
        }
        return last;
    }

    /** Words of a post that tells something, at the least ("Sålen har løsnet."): fewer are numbers and names. */
    private static final int TELLS_SOMETHING = 3;

    private static int sentences(String text) {
        int n = 0;
        Matcher m = SENTENCE.matcher(text.strip());
        while (m.find()) {
            n += m.group().chars().anyMatch(Character::isLetter) ? 1 : 0;
        }
        return n;
    }

    static boolean shouting(String text) {
        long letters = text.chars().filter(Character::isLetter).count();
        long upper = text.chars().filter(Character::isUpperCase).count();
        return letters >= 12 && upper * 2 > letters;
    }

    private static String firstWords(String text) {
        String t = text.strip();
        return t.length() > 40 ? t.substring(0, 40) : t;
    }

    private static String withoutSentencesMatching(String text, Phrases a, Phrases b) {
        StringBuilder kept = new StringBuilder();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            String s = m.group();
            if (!a.any(s) && !b.any(s)) {
                kept.append(s).append(' ');
            }
        }
        return kept.toString().strip();
    }
}
