package dev.ydmyk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Language and kind on the sample corpus, per language, with no hint from the source. Writes the
 * table to target/triage-accuracy.md (the README quotes it) and holds a floor.
 */
@QuarkusTest
class TriageAccuracyTest {

    @Inject
    Triager triager;

    @Test
    void languageAndKindAreReadCorrectlyOnTheSampleCorpus() throws Exception {
        Path file = Path.of(System.getProperty("test.corpus", "../shared/corpus/complaints.jsonl"));
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> perLanguage = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int total = 0, language = 0, kind = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode s = json.readTree(line);
            Triage t = triager.triage(s.get("text").asText(), null);
            String lang = s.get("lang").asText();
            boolean langOk = lang.equals(t.language());
            boolean kindOk = s.get("kind").asText().equals(t.kind().wire());
            int[] row = perLanguage.computeIfAbsent(lang, k -> new int[3]);
            row[0]++;
            row[1] += langOk ? 1 : 0;
            row[2] += kindOk ? 1 : 0;
            total++;
            language += langOk ? 1 : 0;
            kind += kindOk ? 1 : 0;
            if (!langOk || !kindOk) {
                misses.add(s.get("id").asText() + ": expected " + lang + "/" + s.get("kind").asText() + ", got " + t.language() + "/" + t.kind().wire());
            }
        }
        StringBuilder table = new StringBuilder("| language | samples | language right | kind right |\n|---|---|---|---|\n");
        perLanguage.forEach((l, r) -> table.append("| ").append(l).append(" | ").append(r[0]).append(" | ")
                .append(r[1]).append("/").append(r[0]).append(" | ").append(r[2]).append("/").append(r[0]).append(" |\n"));
        table.append("| all | ").append(total).append(" | ").append(language).append("/").append(total).append(" | ")
                .append(kind).append("/").append(total).append(" |\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/triage-accuracy.md"), table + (misses.isEmpty() ? "" : "\nMisses:\n- " + String.join("\n- ", misses) + "\n"));
        System.out.println(table);
        misses.forEach(System.out::println);
        assertTrue(language >= total * 0.9, "language accuracy " + language + "/" + total + "\n" + misses);
        assertTrue(kind >= total * 0.85, "kind accuracy " + kind + "/" + total + "\n" + misses);
    }
}
