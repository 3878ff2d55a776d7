package dev.ydmyk.guidelines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of words or phrases from a guideline file, matched case-insensitively on word boundaries.
 * A trailing {@code *} matches any ending ("kake*" matches "kakene"), so lists stay short in
 * inflected languages.
 *
 * <p>A post is read once per list, not once per phrase: the phrases are indexed by their first word
 * (or its stem before a {@code *}), and only the phrases whose first word stands at a word's start are
 * tried there. Each phrase's own pattern still decides, so the answers are those of trying every phrase
 * everywhere, in time linear in the post's length.
 */
public final class Phrases {

    private static final Phrases EMPTY = new Phrases(List.of());

    private final List<Entry> entries;
    /** Phrases whose first word must be the text's whole word, by that word. */
    private final Map<String, List<Entry>> byWord = new HashMap<>();
    /** Phrases whose first word is a stem ("kake*"), by the stem. */
    private final Map<String, List<Entry>> byStem = new HashMap<>();
    /** Phrases that start with something other than a letter or digit: tried everywhere. */
    private final List<Entry> unindexed = new ArrayList<>();
    private final int longestStem;
    /** The longest first word or stem: a longer word in a post is only ever read that far. */
    private final int longestWord;

    private record Entry(int order, String phrase, Pattern pattern) {
    }

    public record Match(String phrase, String found, int start) {
    }

    private Phrases(List<Entry> entries) {
        this.entries = entries;
        int longest = 0;
        int whole = 0;
        for (Entry e : entries) {
            int end = 0;
            while (end < e.phrase.length() && isWordChar(e.phrase.charAt(end))) {
                end++;
            }
            String first = fold(e.phrase, 0, end);
            if (end == 0) {
                unindexed.add(e);
            } else if (end < e.phrase.length() && e.phrase.charAt(end) == '*') {
                byStem.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
                longest = Math.max(longest, end);
            } else {
                byWord.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
                whole = Math.max(whole, end);
            }
        }
        this.longestStem = longest;
        this.longestWord = Math.max(whole, longest);
    }

    public static Phrases of(List<String> phrases) {
        List<Entry> list = new ArrayList<>();
        for (String p : phrases) {
            String phrase = p.strip().toLowerCase(Locale.ROOT);
            if (!phrase.isEmpty()) {
                list.add(new Entry(list.size(), phrase, compile(phrase)));
            }
        }
        return list.isEmpty() ? EMPTY : new Phrases(List.copyOf(list));
    }

    static Pattern compile(String phrase) {
        StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] parts = phrase.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            re.append(Pattern.quote(parts[i]).replace(" ", "\\E\\s+\\Q"));
            if (i < parts.length - 1) {
                re.append("[\\p{L}\\p{N}-]*");
            }
        }
        if (!phrase.endsWith("*")) {
            re.append("(?![\\p{L}\\p{N}])");
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Every entry that occurs in the text, with the words as they stand there, in the order of the list. */
    public List<Match> find(String text) {
        Match[] first = new Match[entries.size()];
        scan(text, true, (e, m) -> {
            first[e.order] = new Match(e.phrase, m.group(), m.start());
            return true;
        });
        List<Match> found = new ArrayList<>();
        for (Match m : first) {
            if (m != null) {
                found.add(m);
            }
        }
        return found;
    }

    /** Every occurrence of every entry, in the order they stand in the text. */
    public List<Match> findAll(String text) {
        List<Match> found = new ArrayList<>();
        scan(text, false, (e, m) -> found.add(new Match(e.phrase, m.group(), m.start())));
        // Within one start, the order of the list, as when each entry was searched in turn.
        found.sort(Comparator.comparingInt(Match::start));
        return found;
    }

    /** The text with every occurrence blanked out (same length, so positions still hold). */
    public String mask(String text) {
        if (entries.isEmpty()) {
            return text;
        }
        char[] out = text.toCharArray();
        scan(text, false, (e, m) -> {
            Arrays.fill(out, m.start(), m.end(), ' ');
            return true;
        });
        return new String(out);
    }

    public int count(String text) {
        return find(text).size();
    }

    public boolean any(String text) {
        boolean[] seen = {false};
        scan(text, true, (e, m) -> {
            seen[0] = true;
            return false;
        });
        return seen[0];
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** What to do with an occurrence; false ends the scan early. */
    private interface Visitor {
        boolean found(Entry entry, Matcher match);
    }

    /**
     * Every occurrence of every entry (or only each entry's first), each entry's occurrences not overlapping
     * one another (as repeated {@code find} gives them), entries of one start in the order of the list.
     */
    private void scan(String text, boolean firstOnly, Visitor visitor) {
        if (entries.isEmpty()) {
            return;
        }
        int[] nextFrom = new int[entries.size()];
        Matcher[] matchers = new Matcher[entries.size()];
        List<Entry> candidates = new ArrayList<>();
        boolean afterWordChar = false;
        for (int at = 0; at < text.length(); at++) {
            boolean wordChar = isWordChar(text.charAt(at));
            boolean wordStart = wordChar && !afterWordChar;
            afterWordChar = wordChar;
            List<Entry> tried = unindexed;
            if (wordStart) {
                candidates.clear();
                candidates.addAll(unindexed);
                int end = at;
                while (end < text.length() && end - at <= longestWord && isWordChar(text.charAt(end))) {
                    end++;
                }
                boolean whole = end - at <= longestWord;
                String word = fold(text, at, end);
                if (whole) {
                    candidates.addAll(byWord.getOrDefault(word, List.of()));
                }
                for (int stem = 1; stem <= Math.min(longestStem, word.length()); stem++) {
                    candidates.addAll(byStem.getOrDefault(word.substring(0, stem), List.of()));
                }
                if (candidates.size() > 1) {
                    candidates.sort(Comparator.comparingInt(Entry::order));
                }
                tried = candidates;
            }
            for (Entry e : tried) {
                if (at < nextFrom[e.order]) {
                    continue;
                }
                Matcher m = matchers[e.order];
                if (m == null) {
                    m = e.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                    matchers[e.order] = m;
                }
                m.region(at, text.length());
                if (m.lookingAt()) {
                    nextFrom[e.order] = firstOnly ? Integer.MAX_VALUE : Math.max(m.end(), at + 1);
                    if (!visitor.found(e, m)) {
                        return;
                    }
                }
            }
        }
    }

    /** A letter or a number, as {@code [\p{L}\p{N}]} has it. */
    private static boolean isWordChar(char c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Lower case as a case-insensitive match compares it. */
    private static String fold(String text, int from, int to) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
        }
        return new String(out);
    }
}
