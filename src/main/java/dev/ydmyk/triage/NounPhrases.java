package dev.ydmyk.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nouns a post names that no list knows, found by where they stand rather than by what they are: a Nordic noun in its
 * definite form after a preposition ("på venterommet"), before a possessive ("lommeboka mi") or opening a sentence
 * ("Blomane vi hadde tinga kom aldri"), and an English noun phrase after "my", "the" or "your" ("my October bill").
 * Each is a form a reply can place after "om" or "about the" as it stands.
 */
final class NounPhrases {

    /** A noun phrase and where the post writes it. */
    record Found(String form, int start, int end, boolean asked) {
        Found(String form, int start, int end) {
            this(form, start, end, false);
        }
    }

    private static final Pattern WORD = Triager.WORD;
    /** The definite endings of nb and nn, which also write the feminine "-a" ("ferja", "lommeboka"). */
    private static final Pattern DEFINITE_NORWEGIAN = Pattern.compile("\\p{L}{2,}(en|et|ene|ane|na)|\\p{L}{3,}a");
    /** The definite endings of da and sv; a Swedish "-a" is as often an adjective ("trasiga") as a noun. */
    private static final Pattern DEFINITE_DANISH_SWEDISH = Pattern.compile("\\p{L}{2,}(en|et|an|ene|erne|arna|orna|erna)");
    private static final Set<String> PREPOSITIONS = Set.of("på", "i", "til", "till", "om", "med", "fra", "frå", "från", "for",
            "för", "av", "af", "under", "over", "över", "hos", "ved", "vid", "mot", "mod", "etter", "efter", "gjennom", "genom",
            "uten", "utan", "uden", "rundt", "runt", "bak", "bag", "bakom", "foran", "framfor", "framför", "innen", "inom",
            "mellom", "mellem", "mellan", "blant", "bland", "langs", "längs", "utenfor", "utanfor", "udenfor", "utanför", "inni");
    private static final Set<String> POSSESSIVES = Set.of("min", "mi", "mitt", "mine", "vår", "vårt", "våre", "vore");
    /** Superlatives ("beste", "bedste", "bästa", "raskeste", "snabbaste", "største"); not the order words below. */
    private static final Pattern SUPERLATIVE = Pattern.compile("\\p{L}{2,}(ste|sta)");
    /** Words in "-ste"/"-sta" that order or count ("i sista minuten", "de siste ukene", "de flesta kunderna"), and verbs. */
    private static final Set<String> NOT_SUPERLATIVE = Set.of("siste", "sidste", "sista", "seneste", "senaste", "neste", "næste",
            "nästa", "første", "fyrste", "första", "eneste", "einaste", "fleste", "flesta", "meste", "mesta", "måste",
            "kaste", "kasta", "teste", "testa", "hoste", "hosta", "mista", "miste", "lista", "koste", "kosta", "faste",
            "fasta", "låste", "låsta", "løste", "löste", "viste", "visste", "misste", "rista");
    /** Definite-looking words a reply cannot be about: time ("natten", "helga"), set phrases ("i stedet", "i løpet av"), verbs. */
    private static final Set<String> NOT_A_THING = Set.of(
            "natten", "natta", "nätten", "morgenen", "morgonen", "morgen", "morgon", "kvelden", "kvällen", "aftenen",
            "dagen", "dagene", "dagane", "dagarna", "uken", "uka", "veka", "veckan", "ugen", "helgen", "helga", "helgi",
            "weekenden", "måneden", "månaden", "månad", "året", "timen", "timene", "timane", "timmen", "tiden", "tida",
            "tidene", "gangen", "gongen", "gången", "jula", "julen", "romjula", "romjulen", "påsken", "påska", "sommeren",
            "sommaren", "vinteren", "vintern", "høsten", "hausten", "hösten", "våren", "starten", "början", "slutet",
            "slutten", "stedet", "staden", "stället", "løpet", "løbet", "forveien", "forvejen", "øjeblikket", "tillfället",
            "mellomtiden", "mellemtiden", "orden", "egen", "eigen", "eget", "verden", "världen", "onödan", "allmänhet",
            "ordentlig", "hvert", "kvart", "helhet", "heilskap", "morges", "tinga", "bestilla", "lova", "klaga", "svara",
            "hugsa", "mista", "mangla", "bruka", "byrja", "betala", "fortelja", "ringde", "venta", "henta", "hente",
            "flytta", "mottatt", "motteke", "motteken", "kommet", "komme", "fått", "hatt", "sendt", "betalt", "ringt",
            "leveret", "levert", "bestilt", "bestilte", "spurte", "meldt", "sagt", "mulig", "mogleg", "möjligt", "muligt",
            "skjedd", "hent", "nettet", "mitten", "minuttet", "minutten", "sekundet", "slet", "mora", "moren", "moderen",
            "faren", "fadern", "sonen", "sønnen", "dottera", "datteren", "dattera", "dottern", "mannen", "kona", "kone",
            "hustruen", "barnet", "barna", "børnene", "barnen", "jenta", "veslejenta", "gutten", "drengen", "pojken", "flickan",
            "kjæresten", "kæresten", "sambon", "mamman", "pappan", "familien", "familjen", "aften", "hilsen",
            "hälsningar",
            // words that open a sentence or follow a preposition without being a thing (review of 2026-12-06)
            "verken", "varken", "hverken", "desuden", "efterhånden", "hentet", "åpnet", "døgnet", "dygnet", "halvtimmen",
            "halvtimen", "øyeblikket", "ögonblicket", "ettermiddagen", "eftermiddagen", "resten", "broren", "brodern",
            "naboen", "grannen", "ungene", "ungane", "maken", "seneren", "senaren", "senere", "senare",
            // "i byen", "i stan": in town, not a thing; time in the plural ("de siste ukene", "de senaste veckorna")
            "byen", "byn", "stan", "ukene", "ukane", "vekene", "vekane", "veckorna", "ugerne", "månedene", "månadene",
            "månaderna", "månederne", "årene", "åra", "åren", "timmarna", "timerne", "minuttene", "minuttane",
            "minutterne", "minuterna", "minuten", "helgene", "helgerna", "weekenderne");
    /** What follows "my", "the" or "your" without being a thing: pronoun-like words, time, people (the "about the son"). */
    private static final Set<String> NOT_A_THING_EN = Set.of(
            "same", "rest", "end", "whole", "only", "other", "others", "one", "ones", "first", "second", "third", "last",
            "next", "time", "times", "day", "days", "week", "weeks", "month", "months", "year", "years", "morning", "evening",
            "night", "weekend", "way", "thing", "things", "moment", "point", "fact", "lot", "most", "least", "best", "worst",
            "mum", "mom", "mother", "dad", "father", "son", "daughter", "husband", "wife", "partner", "kids", "kid", "children",
            "child", "family", "brother", "sister", "baby", "toddler", "boyfriend", "girlfriend", "friend", "friends",
            "neighbour", "neighbor", "parents", "parent", "grandmother", "grandfather", "gran", "nan", "grandma", "grandad",
            "people", "person", "name", "own", "life", "fault", "case", "matter", "problem", "issue", "hell", "world", "minute",
            "minutes", "hour", "hours", "chance", "start", "beginning", "team", "company", "money", "attention", "middle", "top",
            "bottom", "side", "free", "new", "old", "full", "wrong", "right", "main", "entire", "latest", "current", "usual",
            "bit", "while", "couple", "few", "little", "half", "total", "joke", "nightmare", "shame", "disgrace", "mess", "farce",
            "waste", "lie", "favour", "favor", "reply", "response", "answer", "number", "eyes", "hand", "head",
            "face", "voice", "idea", "question", "clue", "load", "kind", "sort", "type", "fortnight", "quarter", "decade", "age",
            "ages", "row", "go", "look", "try", "shout", "star", "stars", "nice", "good", "great", "lovely", "bad",
            "terrible", "awful", "big", "small", "long", "short", "quick", "real", "huge", "simple", "proper");
    /** Words that end an English noun phrase: function words, auxiliaries and everyday verbs. */
    private static final Set<String> STOPS_EN = Set.of(
            "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
            "should", "shall", "may", "might", "must", "did", "does", "do", "not", "no", "and", "or", "but", "that",
            "which", "who", "whom", "whose", "when", "where", "why", "how", "because", "so", "as", "if", "than", "then",
            "for", "from", "to", "at", "in", "on", "of", "with", "by", "about", "after", "before", "since", "until",
            "into", "onto", "over", "under", "again", "still", "yet", "even", "just", "now", "there", "here", "this",
            "these", "those", "it", "its", "they", "them", "he", "him", "she", "her", "we", "us", "you", "your", "i", "me",
            "my", "our", "their", "his", "a", "an", "the", "all", "every", "each", "any", "some", "keeps", "kept", "left",
            "sent", "took", "told", "said", "came", "went", "got", "gave", "made", "broke", "says", "goes", "gets",
            "takes", "never", "always", "also", "too", "very", "really", "only", "already", "today", "yesterday",
            "tomorrow", "tonight", "arrived", "stopped", "rolled", "costs", "cost", "turned", "wasn't", "isn't", "doesn't",
            "didn't", "won't", "can't", "hasn't", "haven't", "weren't", "aren't", "off", "up", "down", "out", "away",
            "back", "through", "without", "within", "during", "while", "like", "per", "via", "instead", "anymore",
            "either", "both", "am", "let", "put", "set", "run", "ran", "rather", "below", "above", "underneath", "outside",
            "inside", "later", "ago", "together", "home", "first", "once", "twice");
    /** Words that point at a thing without naming it. */
    private static final Set<String> POINTERS_EN = Set.of("same", "whole", "other", "only", "entire", "very", "exact", "wrong",
            "nice", "good", "great", "lovely", "bad", "terrible", "awful", "big", "small", "long", "short", "quick", "real", "huge",
            "simple", "proper", "complete", "total", "absolute");
    private static final Set<String> ORDINALS_EN = Set.of("first", "second", "third", "last", "next", "previous");
    /** Everyday verbs that follow a noun ("does the pharmacy close", "my insurance cover"): the phrase ends before them. */
    private static final Set<String> VERBS_EN = Set.of(
            "close", "open", "work", "apply", "cover", "take", "give", "come", "go", "get", "need", "want", "accept", "charge",
            "send", "deliver", "arrive", "stop", "start", "allow", "include", "mean", "happen", "keep", "say", "tell", "ask",
            "pay", "refund", "cost", "look", "seem", "turn", "end", "run", "let", "make", "show", "change", "leave", "break",
            "fail", "stay", "sit", "stand", "fit", "count", "expire", "renew", "update", "ship", "call", "reply", "answer",
            "know", "think", "help", "try", "use", "wait", "load", "crash", "drop", "freeze", "leak", "smell", "manage", "lose",
            "decide", "refuse", "expect", "explain", "care", "bother", "dare", "paint", "fix", "sort", "clean", "check", "hang", "throw",
            // irregular past forms, which no ending shows
            "lost", "hung", "threw", "broke", "took", "gave", "sent", "left", "came", "went", "said", "told", "kept", "made", "got",
            "put", "ran", "sat", "stood", "wrote", "bought", "brought", "caught", "paid", "sold", "found", "felt", "hit", "cut",
            "shut", "set", "fell", "forgot", "stole", "tore", "ate", "drove", "rang", "swore", "spent", "meant", "was", "were", "did",
            "had", "has", "is", "are");
    /** Number words and adjective endings ("the council four times", "a new electric heater"): no phrase ends on them. */
    private static final Pattern NOT_A_HEAD_EN = Pattern.compile(
            "one|two|three|four|five|six|seven|eight|nine|ten|.*(less|ful|ous|ive|ic|able|ible)");
    private static final Set<String> DETERMINERS_EN = Set.of("my", "the", "your", "our", "his", "her", "their", "a", "an");

    private NounPhrases() {
    }

    /** A definite-looking word that is no thing: time, a set phrase, a person, or an adverb, pronoun or verb. */
    static boolean notAThing(String lower) {
        return NOT_A_THING.contains(lower) || Triager.NOT_A_NOUN.contains(lower);
    }

    /** Definite-form nouns of a Nordic post, in the order it writes them. */
    static List<Found> nordic(String story, String language) {
        boolean norwegian = language.equals("nb") || language.equals("nn");
        Pattern definite = norwegian ? DEFINITE_NORWEGIAN : DEFINITE_DANISH_SWEDISH;
        List<Found> out = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        Matcher w = WORD.matcher(story);
        while (w.find()) {
            words.add(new int[] {w.start(), w.end()});
        }
        for (int i = 0; i < words.size(); i++) {
            String word = story.substring(words.get(i)[0], words.get(i)[1]);
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.length() < 4 || !definite.matcher(lower).matches() || notAThing(lower)) {
                continue;
            }
            boolean opensSentence = opensSentence(story, words.get(i)[0]);
            // "KVAR ER PAKKA MI?!": a shouted word is no name.
            boolean capitalised = Character.isUpperCase(word.charAt(0)) && !word.equals(word.toUpperCase(Locale.ROOT));
            String before = i > 0 ? story.substring(words.get(i - 1)[0], words.get(i - 1)[1]).toLowerCase(Locale.ROOT) : "";
            String after = i + 1 < words.size() ? story.substring(words.get(i + 1)[0], words.get(i + 1)[1]).toLowerCase(Locale.ROOT) : "";
            // Danish "I" is "you" ("Hvorfor har I fjernet …"), not "in".
            boolean pronounI = i > 0 && story.startsWith("I", words.get(i - 1)[0]) && before.equals("i") && !opensSentence(story, words.get(i - 1)[0]);
            boolean afterPreposition = PREPOSITIONS.contains(before) && !pronounI && adjacent(story, words.get(i - 1)[1], words.get(i)[0]);
            boolean possessed = norwegian && POSSESSIVES.contains(after) && adjacent(story, words.get(i)[1], words.get(i + 1)[0]);
            // "beste kebaben i byen", "Bästa bageriet i stan", "Snabbaste mobilbytet": what a superlative praises.
            boolean praised = i > 0 && SUPERLATIVE.matcher(before).matches() && !NOT_SUPERLATIVE.contains(before)
                    && adjacent(story, words.get(i - 1)[1], words.get(i)[0]);
            // A capital inside a sentence is a name ("på Torget", "i Bergen"), not a thing in its definite form.
            if (capitalised && !opensSentence && !possessed) {
                continue;
            }
            // "Gjelder tilbudet også for eksisterende kunder?", "Gäller erbjudandet …?": the thing a question opens by asking about.
            boolean asked = i > 0 && !opensSentence && opensSentence(story, words.get(i - 1)[0]) && !QUESTION_WORDS.contains(before)
                    && adjacent(story, words.get(i - 1)[1], words.get(i)[0]) && endsInAQuestion(story, words.get(i)[1]);
            if (opensSentence && capitalised && lower.length() >= 5 || afterPreposition || possessed || praised
                    || asked && lower.length() >= 5) {
                out.add(new Found(lower, words.get(i)[0], words.get(i)[1], asked));
            }
        }
        return out;
    }

    private static final Set<String> QUESTION_WORDS = Set.of("hvor", "hva", "hvem", "hvilken", "hvilket", "hvilke", "når",
            "hvorfor", "hvordan", "kor", "kva", "kven", "kvar", "kvifor", "korleis", "hvad", "hvornår", "var", "vad",
            "vem", "vilken", "vilket", "vilka", "när", "varför", "hur");

    /** Whether the sentence this position is in ends with a question mark. */
    private static boolean endsInAQuestion(String story, int from) {
        for (int i = from; i < story.length(); i++) {
            char c = story.charAt(i);
            if (c == '?') {
                return true;
            }
            if (c == '.' || c == '!' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** Words after "min", "en", "ett" that are no thing: people, the adjectives that come before one, verbs after "ein". */
    private static final Set<String> NOT_POSSESSED = Set.of(
            "mor", "far", "søn", "son", "sønn", "datter", "dotter", "mand", "mann", "man", "kone", "hustru", "fru", "kæreste",
            "kjæreste", "barn", "familie", "familj", "søster", "syster", "bror", "bestemor", "farmor", "mormor", "morfar",
            "farfar", "mamma", "pappa", "sambo", "venn", "ven", "vän", "nabo", "granne", "nye", "nya", "ny", "nytt", "gamle",
            "gamla", "gammel", "gamal", "gammal", "egen", "eget", "egne", "egna", "eigen", "stakkels", "lille", "lilla", "vesle",
            "store", "stora", "stor", "stort", "liten", "lita", "litt", "bedste", "bästa", "beste", "sidste", "sista", "siste",
            "første", "första", "fyrste", "kære", "kära", "kjære", "lenge", "tur", "mening", "meining", "åsikt", "skyld", "fel",
            "feil", "god", "godt", "gode", "halv", "halvt", "hel", "heil", "helt", "heilt", "hele", "heile", "lang", "langt",
            "fin", "fint", "rå", "kald", "kaldt", "varm", "varmt", "sen", "sein", "ung", "full", "fullt", "tom", "tomt", "anna",
            "annan", "annen", "annet", "anden", "andet", "annat", "ekstra", "sånn", "sånt", "slik", "slikt", "sådan", "sådant",
            "sån", "enkelt", "enkel", "gratis", "samme", "samma", "same", "viss", "visst", "kort", "skal", "kan", "må", "vil",
            "er", "har", "får", "fekk", "fikk", "blir", "vart", "ble", "gjer", "gjør", "bør", "ser", "tar", "går", "kom",
            "kjem", "seier", "sier", "veit", "vet", "trur", "tror", "del", "stund", "gang", "gong", "gång", "time", "timme",
            "dag", "uke", "veke", "vecka", "uge", "måned", "månad", "år", "minut", "minutt", "minutter", "sekund", "periode",
            "period", "eller", "og", "och", "som", "til", "till", "av", "af", "på", "i", "for", "för", "med", "eldre", "ældre",
            "äldre", "større", "större", "yngre", "bedre", "bättre", "verre", "værre", "sämre", "mindre", "ikke", "ikkje", "inte",
            "står", "aften", "afton");
    private static final Pattern NOT_A_NOUN_ENDING = Pattern.compile(".*(ig|lig|leg|ige|iga|igt|ade|ede|et|te|de|dt|tt|gt|kt|isk|iske|iska|um|ende|ande)$");
    /** Endings Danish and Swedish inflect irregularly ("cykel" → "cyklen", "nyckel" → "nyckeln"): no form is guessed. */
    private static final Pattern IRREGULAR_DANISH_SWEDISH = Pattern.compile(".*(el|er|en|em|ar|or)$");

    /**
     * A Nordic noun the post writes after "min", "mitt", "mi" or an article ("min lægetid", "mitt kvitto", "ei rekning",
     * "en elräkning"), in the definite form the word's gender, which the possessive or article shows, gives it
     * ("lægetiden", "kvittot", "rekninga", "elräkningen").
     */
    static List<Found> indefinite(String story, String language) {
        boolean norwegian = language.equals("nb") || language.equals("nn");
        List<Found> out = new ArrayList<>();
        Matcher m = MARKED.matcher(story);
        while (m.find()) {
            String marker = m.group(1).toLowerCase(Locale.ROOT);
            String word = m.group(2);
            String lower = word.toLowerCase(Locale.ROOT);
            // "Sonen min vart sjuk": after a Norwegian noun the possessive is postposed, and what follows it is no noun of its own.
            String before = previousWord(story, m.start(1));
            boolean postposed = norwegian && marker.startsWith("mi") && before != null
                    && DEFINITE_NORWEGIAN.matcher(before.toLowerCase(Locale.ROOT)).matches();
            // "min mammas operation": a genitive stands before the thing, it is not the thing.
            boolean genitive = lower.endsWith("s") && story.length() > m.end(2) + 1 && story.charAt(m.end(2)) == ' '
                    && Character.isLetterOrDigit(story.charAt(m.end(2) + 1));
            // "en eldre mann", "ein brukt mobil", "et stygt kutt": a word another content word follows is its adjective.
            Matcher next = NEXT_WORD.matcher(story).region(m.end(2), story.length());
            boolean modifies = next.lookingAt() && !FUNCTION_WORDS.contains(next.group(1).toLowerCase(Locale.ROOT))
                    && !PREPOSITIONS.contains(next.group(1).toLowerCase(Locale.ROOT));
            // Danish doubles the consonant of a short final syllable ("billet" → "billetten"), which the spelling does not show.
            boolean doubles = language.equals("da") && DANISH_DOUBLING.matcher(lower).matches();
            if (postposed || genitive || modifies || doubles || lower.length() < (norwegian ? 3 : 4) || NOT_POSSESSED.contains(lower)
                    || NOT_A_NOUN_ENDING.matcher(lower).matches() || !norwegian && IRREGULAR_DANISH_SWEDISH.matcher(lower).matches()
                    || (Character.isUpperCase(word.charAt(0)) && !word.equals(word.toUpperCase(Locale.ROOT)))) {
                continue;
            }
            boolean vowel = "aeiouyæøåäöé".indexOf(lower.charAt(lower.length() - 1)) >= 0;
            String form = switch (marker) {
                case "min", "en", "ein" -> lower.endsWith("e") || vowel && language.equals("sv") ? lower + "n" : vowel ? null : lower + "en";
                case "mit", "mitt", "et", "ett", "eit" -> lower + (lower.endsWith("e") || vowel && language.equals("sv") ? "t" : "et");
                case "mi", "ei" -> norwegian ? (lower.endsWith("e") ? lower.substring(0, lower.length() - 1) : lower) + "a" : null;
                default -> null;
            };
            // "en time" is "timen", "ein gong" is no thing: the definite form is checked as the other finds are.
            if (form != null && !notAThing(form)) {
                out.add(new Found(form, m.start(2), m.end(2)));
            }
        }
        return out;
    }

    private static final Pattern NEXT_WORD = Pattern.compile("[ \t]+(\\p{L}+)");
    private static final Pattern DANISH_DOUBLING = Pattern.compile(".*[^aeiouyæøå][aeiouyæøå][tpkgsm]");
    /** Words that may follow a noun without being part of it: pronouns, conjunctions, auxiliaries, negations. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "som", "og", "och", "eller", "men", "jeg", "eg", "jag", "du", "han", "hun", "ho", "hon", "vi", "me", "de", "dei",
            "dere", "dykk", "ni", "den", "det", "der", "at", "att", "å", "er", "var", "har", "hadde", "havde", "hade", "blir",
            "ble", "vart", "blev", "bliver", "blivit", "kom", "kjem", "kommer", "står", "stod", "sto", "gikk", "gjekk", "gick",
            "gik", "nå", "no", "nu", "igjen", "igen", "ikke", "ikkje", "inte", "også", "òg", "kun", "bare", "berre", "bara",
            "kr", "kl", "så", "da", "då", "fordi", "siden", "sidan", "sedan", "selv", "sjølv", "själv", "heller", "enda",
            "ennå", "endnu", "ännu", "fortsatt", "framleis", "fortfarande", "stadig", "allerede", "allereie", "redan", "skal",
            "skulle", "kan", "kunne", "kunde", "vil", "ville", "må", "måtte", "måste", "får", "fikk", "fekk", "fick", "fik");
    /** The word that ends just before {@code at} (spaces between), found by stepping back: linear however long the post. */
    static String previousWord(String story, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(story.charAt(end - 1))) {
            end--;
        }
        if (end == at) {
            return null;
        }
        int start = end;
        while (start > 0 && Character.isLetter(story.charAt(start - 1))) {
            start--;
        }
        return start < end ? story.substring(start, end) : null;
    }
    private static final Pattern MARKED = Pattern.compile(
            "(?i)(?<![\\p{L}])(min|mit|mitt|mi|en|ein|et|ett|eit|ei) ([\\p{L}][\\p{L}-]*)(?![\\p{L}])");

    /** English noun phrases after a possessive or "the", up to two words ("my October bill", "the kitchen tap", "a parking fine"), in the order the post writes them. */
    static List<Found> english(String story) {
        List<Found> out = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        Matcher w = WORD.matcher(story);
        while (w.find()) {
            words.add(new int[] {w.start(), w.end()});
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            String det = story.substring(words.get(i)[0], words.get(i)[1]).toLowerCase(Locale.ROOT);
            if (!DETERMINERS_EN.contains(det)) {
                continue;
            }
            int first = i + 1;
            // "the same order", "my whole order": the thing is the noun, not the word that points at it.
            if (first < words.size() && POINTERS_EN.contains(story.substring(words.get(first)[0], words.get(first)[1]).toLowerCase(Locale.ROOT))) {
                first++;
            }
            // "my next day delivery", "the last pair": an ordinal opens a phrase longer than two words can hold.
            if (first < words.size() && ORDINALS_EN.contains(story.substring(words.get(first)[0], words.get(first)[1]).toLowerCase(Locale.ROOT))) {
                continue;
            }
            int last = -1;
            for (int j = first; j < words.size() && j < first + 2; j++) {
                if (!adjacent(story, words.get(j - 1)[1], words.get(j)[0])) {
                    break;
                }
                String word = story.substring(words.get(j)[0], words.get(j)[1]);
                String lower = word.toLowerCase(Locale.ROOT);
                boolean name = Character.isUpperCase(word.charAt(0)) && !MONTHS.contains(lower);
                boolean verb = j > first && (lower.endsWith("ed") || lower.endsWith("ing") || VERBS_EN.contains(lower)
                        || lower.endsWith("s") && VERBS_EN.contains(lower.substring(0, lower.length() - 1))
                        || lower.endsWith("es") && VERBS_EN.contains(lower.substring(0, lower.length() - 2)));
                if (STOPS_EN.contains(lower) || lower.contains("'") || name || lower.endsWith("ly") || verb) {
                    break;
                }
                last = j;
            }
            if (last < 0) {
                continue;
            }
            String head = story.substring(words.get(last)[0], words.get(last)[1]).toLowerCase(Locale.ROOT);
            // The phrase must end where the noun does: before punctuation, a function word or a verb, not before another noun.
            Matcher next = NEXT_WORD.matcher(story).region(words.get(last)[1], story.length());
            String following = next.lookingAt() ? next.group(1).toLowerCase(Locale.ROOT) : null;
            boolean ends = following == null || STOPS_EN.contains(following) || VERBS_EN.contains(following)
                    || following.endsWith("ed") || following.endsWith("s") && VERBS_EN.contains(following.substring(0, following.length() - 1))
                    || following.endsWith("es") && VERBS_EN.contains(following.substring(0, following.length() - 2));
            if (!ends || NOT_A_THING_EN.contains(head) || NOT_A_HEAD_EN.matcher(head).matches() || head.length() < 3
                    || head.endsWith("ed") || head.endsWith("ing")) {
                continue;
            }
            String form = story.substring(words.get(first)[0], words.get(last)[1]);
            form = MONTHS.contains(form.split(" ")[0].toLowerCase(Locale.ROOT)) ? form : form.toLowerCase(Locale.ROOT);
            out.add(new Found(form, words.get(first)[0], words.get(last)[1]));
        }
        return out;
    }

    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");

    /** Two words with only spaces between them: a comma, a dash or a bracket parts a phrase. */
    private static boolean adjacent(String story, int end, int start) {
        return story.substring(end, start).isBlank() && start - end <= 2 && story.substring(end, start).indexOf('\n') < 0;
    }

    private static boolean opensSentence(String story, int at) {
        for (int k = at - 1; k >= 0; k--) {
            char c = story.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '«' && c != '"' && c != '(') {
                // Two spaces after a greeting line ("Hei.  Vaskemaskinen …") or the start of the post open a sentence too.
                return false;
            }
            if (k > 0 && Character.isWhitespace(c) && Character.isWhitespace(story.charAt(k - 1))) {
                return true;
            }
        }
        return true;
    }
}
