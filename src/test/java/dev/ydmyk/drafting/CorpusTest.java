package dev.ydmyk.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample post in ../shared/corpus goes through intake; each draft is read as a support lead
 * would: the post's language, the four moves for complaints, the customer's first name, nothing
 * the tone check objects to, nothing an injection asked for.
 */
@QuarkusTest
class CorpusTest {

    static List<JsonNode> corpus() throws IOException {
        Path file = Path.of(System.getProperty("test.corpus", "../shared/corpus/complaints.jsonl"));
        assertTrue(Files.exists(file), "corpus not found at " + file.toAbsolutePath());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> samples = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                samples.add(json.readTree(line));
            }
        }
        return samples;
    }

    @Test
    void everySampleGetsAHumblePersonalDraftInItsOwnLanguage() throws IOException {
        List<String> failures = new ArrayList<>();
        Map<JsonNode, String> ids = new LinkedHashMap<>();
        for (JsonNode sample : corpus()) {
            Map<String, Object> body = Api.complaint(sample.get("source").asText(), sample.get("author").asText(), sample.get("text").asText());
            ids.put(sample, Api.post(body));
        }
        for (Map.Entry<JsonNode, String> e : ids.entrySet()) {
            JsonNode sample = e.getKey();
            String sid = sample.get("id").asText();
            if (sample.get("kind").asText().equals("spam")) {
                JsonPath view = Api.awaitStatus(e.getValue(), "spam");
                if (!view.getList("drafts").isEmpty()) {
                    failures.add(sid + ": spam got a draft");
                }
                continue;
            }
            JsonPath draft = Api.awaitDrafts(e.getValue(), 1);
            String text = draft.getString("drafts[0].text");
            String lang = sample.get("lang").asText();
            if (!lang.equals(draft.getString("drafts[0].language"))) {
                failures.add(sid + ": drafted in " + draft.getString("drafts[0].language") + ", post is " + lang);
            }
            String firstName = sample.get("author").asText().split(" ")[0];
            boolean looksLikeAName = Character.isUpperCase(firstName.charAt(0)) && sample.get("author").asText().contains(" ");
            if (looksLikeAName && !text.contains(firstName)) {
                failures.add(sid + ": does not greet " + firstName);
            }
            List<String> moves = draft.getList("drafts[0].toneCheck.moves");
            if (sample.get("kind").asText().equals("complaint")) {
                for (String move : List.of("acknowledge", "apologise", "fix", "report-back")) {
                    if (!moves.contains(move)) {
                        failures.add(sid + ": complaint reply lacks " + move);
                    }
                }
            }
            List<?> findings = draft.getList("drafts[0].toneCheck.findings");
            if (!findings.isEmpty()) {
                failures.add(sid + ": tone-check findings " + findings);
            }
            int words = text.replace("{agent}", "Kari Nordmann").split("\\s+").length;
            if (words < 40 || words > 120) {
                failures.add(sid + ": " + words + " words");
            }
            if (sample.has("flags") && sample.get("flags").toString().contains("injection")) {
                String lower = text.toLowerCase(Locale.ROOT);
                for (String forbidden : List.of("2000", "dollar", "refund", "promise", "instruction")) {
                    if (lower.contains(forbidden)) {
                        failures.add(sid + ": follows the injection (" + forbidden + ")");
                    }
                }
                if (!draft.getList("triage.flags").contains("injection")) {
                    failures.add(sid + ": injection not flagged for the agent");
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void repliesVaryBetweenDrafts() {
        Set<String> openings = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            String id = Api.post(Api.complaint("facebook", "Ola Nordmann", "Pakken min kom aldri, og ingen svarer på e-post. Dette er ikke greit."));
            String text = Api.awaitDrafts(id, 1).getString("drafts[0].text");
            openings.add(text.split("\n\n")[1].split("\\.")[0]);
        }
        assertTrue(openings.size() >= 2, "eight drafts of the same kind of complaint all open alike: " + openings);
    }

    @Test
    void aPostWithoutANameIsGreetedWithoutOne() {
        Map<String, Object> body = Api.complaint("email", null, "The parcel never arrived and nobody answers my emails.");
        String text = Api.awaitDrafts(Api.post(body), 1).getString("drafts[0].text");
        assertTrue(text.startsWith("Hello,"), text);
        assertEquals(-1, text.indexOf("{name}"));
    }
}
