package dev.ydmyk.triage;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Phrases;
import dev.ydmyk.guidelines.Sections;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    private static final int LANGUAGE_SAMPLE = 2000;
    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://\\S+|\\bwww\\.\\S+");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?\\n]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'-]*");

    private final LanguageIdentifier languages;
    private final TopicCatalog topics;
    private final YdmykConfig config;
    private final Map<String, TriageLexicon> lexicons = new HashMap<>();
    private final TriageLexicon english;

    public Triager(LanguageIdentifier languages, TopicCatalog topics, YdmykConfig config, GuidelineFiles files) {
        this.languages = languages;
        this.topics = topics;
        this.config = config;
        for (String lang : config.triage().languages()) {
            files.config("triage/" + lang + ".txt").ifPresent(text ->
                    lexicons.put(lang, TriageLexicon.from(Sections.parse(text))));
        }
        this.english = lexicons.getOrDefault("en", TriageLexicon.from(Sections.empty()));
    }

    public Triage triage(String text, String languageHint) {
        String language = languages.identify(opening(text))
                .orElse(languageHint != null ? languageHint : config.triage().defaultLanguage());
        TriageLexicon lex = lexiconFor(language);

        List<String> flags = new ArrayList<>();
        boolean injection = lex.injection().any(text) || english.injection().any(text);
        if (injection) {
            flags.add("injection");
        }
        // Concrete words are taken only from what the customer told us, not from instructions aimed at us.
        String story = injection ? withoutSentencesMatching(text, lex.injection(), english.injection()) : text;

        Kind kind = kind(text, lex);
        Severity severity = severity(text, kind, lex);

        String topicLanguage = lexicons.containsKey(language) ? language : replyLanguageOf(language);
        List<String> topicIds = new ArrayList<>();
        Set<String> details = new LinkedHashSet<>();
        Map<String, Integer> hits = new HashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        Map<String, String> firstWord = new HashMap<>();
        for (Topic t : topics.all()) {
            List<Phrases.Match> named = t.nounsFor(topicLanguage).find(story);
            int signals = t.signalsFor(topicLanguage).count(story);
            if (!named.isEmpty() || signals > 0) {
                hits.put(t.id(), named.size() + signals);
                firstAt.put(t.id(), named.stream().mapToInt(Phrases.Match::start).min().orElse(Integer.MAX_VALUE));
                named.stream().min(Comparator.comparingInt(Phrases.Match::start))
                        .ifPresent(first -> firstWord.put(t.id(), first.found()));
                topicIds.add(t.id());
            }
        }
        topicIds.sort(Comparator.comparing((String id) -> -hits.get(id)).thenComparing(firstAt::get));
        for (String id : topicIds) {
            if (firstWord.containsKey(id)) {
                details.add(firstWord.get(id).toLowerCase(Locale.ROOT));
            }
        }
        details.addAll(afterDeterminers(story, lex.determiners()));
        details.addAll(namedThings(story));
        return new Triage(language, kind, severity, List.copyOf(topicIds), List.copyOf(details), List.copyOf(flags));
    }

    /** The language a reply is written in: the post's own where we have guidelines for it. */
    /** A post's language shows in its opening; reading more only costs time (the detector is slow per character). */
    static String opening(String text) {
        if (text.length() <= LANGUAGE_SAMPLE) {
            return text;
        }
        int end = text.offsetByCodePoints(0, text.codePointCount(0, LANGUAGE_SAMPLE));
        int space = text.lastIndexOf(' ', end);
        return text.substring(0, space > LANGUAGE_SAMPLE / 2 ? space : end);
    }

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

    private Kind kind(String text, TriageLexicon lex) {
        boolean link = LINK.matcher(text).find();
        int spam = lex.spam().count(text) + (lex == english ? 0 : english.spam().count(text));
        if (spam >= 2 || (link && spam >= 1)) {
            return Kind.SPAM;
        }
        int complaint = lex.complaint().count(text) + (shouting(text) ? 1 : 0);
        int praise = lex.praise().count(text);
        boolean question = text.contains("?") || lex.question().any(firstWords(text));
        if (complaint > 0 && complaint >= praise) {
            return Kind.COMPLAINT;
        }
        if (praise > 0) {
            return Kind.PRAISE;
        }
        if (question) {
            return Kind.QUESTION;
        }
        // In doubt, treat it as a complaint: a person reads it, and nobody is ignored.
        return Kind.COMPLAINT;
    }

    private Severity severity(String text, Kind kind, TriageLexicon lex) {
        if (kind != Kind.COMPLAINT) {
            return Severity.LOW;
        }
        int steps = lex.severe().count(text) + (shouting(text) ? 1 : 0) + (text.chars().filter(c -> c == '!').count() >= 3 ? 1 : 0);
        return Severity.MEDIUM.raise(steps >= 3 ? 2 : Math.min(steps, 1));
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

    /** Capitalised words inside a sentence: product, place and channel names ("Discovery", "Odense"). */
    static List<String> namedThings(String text) {
        List<String> names = new ArrayList<>();
        Matcher s = SENTENCE.matcher(text);
        while (s.find()) {
            Matcher w = WORD.matcher(s.group());
            boolean first = true;
            while (w.find()) {
                String word = w.group();
                if (!first && word.length() > 2 && Character.isUpperCase(word.charAt(0))
                        && !word.equals(word.toUpperCase(Locale.ROOT))) {
                    names.add(word);
                }
                first = false;
            }
        }
        return names;
    }

    /** The word after "my", "min", "mitt"...: usually the thing the post is about. */
    private static List<String> afterDeterminers(String text, Phrases determiners) {
        List<String> words = new ArrayList<>();
        if (determiners.isEmpty()) {
            return words;
        }
        Matcher w = WORD.matcher(text);
        boolean take = false;
        while (w.find()) {
            String word = w.group();
            if (take && word.length() > 2 && !determiners.any(word)) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
            take = determiners.any(word);
        }
        return words;
    }
}
