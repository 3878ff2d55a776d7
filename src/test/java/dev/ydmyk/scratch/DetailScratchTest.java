package dev.ydmyk.scratch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.drafting.GuidelineDrafter;
import dev.ydmyk.triage.Triage;
import dev.ydmyk.triage.Triager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@QuarkusTest
class DetailScratchTest {
    @Inject
    Triager triager;

    @Test
    void dump() throws Exception {
        ObjectMapper om = new ObjectMapper();
        List<String> out = new ArrayList<>();
        int cand = 0, hit = 0;
        for (String part : System.getenv().getOrDefault("PARTS", "dev4,dev5,dev6").split(",")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/eval/" + part + ".jsonl"))) {
                if (line.isBlank()) continue;
                JsonNode l = om.readTree(line);
                JsonNode d = l.get("detail");
                if (d == null || d.size() == 0) continue;
                Triage t = triager.triage(l.get("text").asText(), null);
                String first = GuidelineDrafter.detail(t, l.get("author").asText().split(" ")[0]);
                boolean ok = false;
                for (JsonNode x : d) {
                    String w = x.asText().toLowerCase(Locale.ROOT);
                    String stem = w.substring(0, Math.min(w.length(), Math.max(4, w.length() - 2)));
                    ok |= first != null && first.toLowerCase(Locale.ROOT).contains(stem);
                }
                cand++;
                if (ok) hit++;
                out.add((ok ? "OK  " : "MISS") + " " + l.get("id").asText() + " " + l.get("kind").asText() + "/" + t.kind().wire()
                        + " label=" + d + " first=" + first + " all=" + t.details() + " topics=" + t.topics() + "\n     " + l.get("text").asText());
            }
        }
        out.add("first-detail hit " + hit + "/" + cand);
        Files.write(Path.of("/tmp/detail.out"), out);
    }

    @Test
    void uncertain() throws Exception {
        ObjectMapper om = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String part : System.getenv().getOrDefault("PARTS", "dev,dev2,dev3,dev4,dev5,dev6").split(",")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/eval/" + part + ".jsonl"))) {
                if (line.isBlank()) continue;
                JsonNode l = om.readTree(line);
                Triage t = triager.triage(l.get("text").asText(), null);
                if (t.kind().wire().equals("complaint") && t.flagged(Triage.UNCERTAIN) && !t.flagged(Triage.NO_KIND_WORDS)) {
                    out.add(l.get("kind").asText() + (l.has("sarcasm") && l.get("sarcasm").asBoolean() ? "/sarc" : "") + " " + l.get("id").asText() + " " + t.reasons() + "\n     " + l.get("text").asText().replace("\n", " "));
                }
            }
        }
        Files.write(Path.of("/tmp/uncertain.out"), out);
    }

    @Test
    void probe() throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/tmp/probe.txt"))) {
            if (line.isBlank()) continue;
            Triage t = triager.triage(line, null);
            out.add(t.kind() + " " + t.flags() + " " + t.reasons() + " " + t.details() + " | " + line);
        }
        Files.write(Path.of("/tmp/probe.out"), out);
    }
}
