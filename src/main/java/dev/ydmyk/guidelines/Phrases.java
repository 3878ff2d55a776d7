package dev.ydmyk.guidelines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of words or phrases from a guideline file, matched case-insensitively on word boundaries.
 * A trailing {@code *} matches any ending ("kake*" matches "kakene"), so lists stay short in
 * inflected languages.
 */
public final class Phrases {

    private final List<Entry> entries;

    private record Entry(String phrase, Pattern pattern) {
    }

    public record Match(String phrase, String found, int start) {
    }

    private Phrases(List<Entry> entries) {
        this.entries = entries;
    }

    public static Phrases of(List<String> phrases) {
        List<Entry> list = new ArrayList<>();
        for (String p : phrases) {
            String phrase = p.strip().toLowerCase(Locale.ROOT);
            if (!phrase.isEmpty()) {
                list.add(new Entry(phrase, compile(phrase)));
            }
        }
        return new Phrases(List.copyOf(list));
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
        List<Match> found = new ArrayList<>();
        for (Entry e : entries) {
            Matcher m = e.pattern.matcher(text);
            if (m.find()) {
                found.add(new Match(e.phrase, m.group(), m.start()));
            }
        }
        return found;
    }

    /** Every occurrence of every entry, in the order they stand in the text. */
    public List<Match> findAll(String text) {
        List<Match> found = new ArrayList<>();
        for (Entry e : entries) {
            Matcher m = e.pattern.matcher(text);
            while (m.find()) {
                found.add(new Match(e.phrase, m.group(), m.start()));
            }
        }
        found.sort(Comparator.comparingInt(Match::start));
        return found;
    }

    /** The text with every occurrence blanked out (same length, so positions still hold). */
    public String mask(String text) {
        if (entries.isEmpty()) {
            return text;
        }
        char[] out = text.toCharArray();
        for (Entry e : entries) {
            Matcher m = e.pattern.matcher(text);
            while (m.find()) {
                Arrays.fill(out, m.start(), m.end(), ' ');
            }
        }
        return new String(out);
    }

    public int count(String text) {
        return find(text).size();
    }

    public boolean any(String text) {
        for (Entry e : entries) {
            if (e.pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
