package dev.ydmyk.guidelines;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The indexed reading of a word list answers exactly what trying every phrase's pattern over the whole
 * text answers: on every list in {@code config/} and every post the project has (its evaluation set and
 * the sample complaints), and on hostile shapes of text.
 */
class PhrasesTest {

    @Test
    void aStemMatchesAnyEndingAndAWholeWordOnlyItself() {
        Phrases p = Phrases.of(List.of("kake*", "feil", "lei av", "e-post*", "24/7"));
        assertEquals(List.of("kake*", "feil", "lei av", "e-post*", "24/7"),
                p.findAll("Kakene var feil. Jeg er LEI  AV e-posten, 24/7.").stream().map(Phrases.Match::phrase).toList());
        assertEquals(0, p.count("feilen, pannekake, leiav, epost"));
        assertEquals("Kakene", p.find("Kakene og kaken").get(0).found());
        assertEquals(" ".repeat(13) + "og" + " ".repeat(6), p.mask("Kakene  feil og kaken"));
    }

    @Test
    void theIndexAnswersAsEveryPatternTriedEverywhere() throws IOException {
        List<Phrases> lists = new ArrayList<>();
        List<List<String>> raw = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("config"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                for (Map.Entry<String, List<String>> section : Sections.parse(Files.readString(file)).all().entrySet()) {
                    raw.add(section.getValue());
                    lists.add(Phrases.of(section.getValue()));
                }
            }
        }
        List<String> texts = new ArrayList<>();
        for (Path dir : List.of(Path.of("config/triage"), Path.of("src/test/resources/eval"), Path.of("../shared/corpus"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                        texts.addAll(Files.readAllLines(file));
                    }
                }
            }
        }
        texts.addAll(List.of("a".repeat(3000), "æ-".repeat(1500), "feil".repeat(500), "kake-kake-kake feil-feil",
                "İNTERNET ıkke FEIL", "\uD835\uDC00feil \uD835\uDC00 feil", "ÆØÅ æøå", "LEI   \n av"));
        assertTrue(lists.size() > 20 && texts.size() > 300, lists.size() + " lists, " + texts.size() + " texts");
        // The plain reading tries every pattern over every text, once for all three answers (it took 86 s in CI searching
        // three times, 24 s once); the lists are compared side by side, each on its own core.
        IntStream.range(0, lists.size()).parallel().forEach(i -> {
            List<Pattern> patterns = raw.get(i).stream().map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> Phrases.compile(s.toLowerCase(java.util.Locale.ROOT))).toList();
            for (String text : texts) {
                Plain plain = everywhere(patterns, text);
                assertEquals(plain.all(), starts(lists.get(i).findAll(text)), text);
                assertEquals(plain.first(), starts(lists.get(i).find(text)), text);
                assertEquals(plain.masked(), lists.get(i).mask(text), text);
            }
        });
    }

    private static List<String> starts(List<Phrases.Match> matches) {
        return matches.stream().map(m -> m.start() + ":" + m.found()).toList();
    }

    /** The plain reading: every occurrence in the order found, the first of each pattern, and the text with all of them blanked. */
    private record Plain(List<String> all, List<String> first, String masked) {
    }

    /** Each pattern searched over the whole text once: its every occurrence, of which the first is what a first-match search finds. */
    private static Plain everywhere(List<Pattern> patterns, String text) {
        List<int[]> found = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> first = new ArrayList<>();
        char[] masked = text.toCharArray();
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            boolean firstOfPattern = true;
            while (m.find()) {
                String word = m.start() + ":" + m.group();
                if (firstOfPattern) {
                    first.add(word);
                    firstOfPattern = false;
                }
                found.add(new int[]{m.start(), words.size()});
                words.add(word);
                Arrays.fill(masked, m.start(), m.end(), ' ');
            }
        }
        found.sort(Comparator.comparingInt(f -> f[0]));
        return new Plain(found.stream().map(f -> words.get(f[1])).toList(), first, new String(masked));
    }
}
