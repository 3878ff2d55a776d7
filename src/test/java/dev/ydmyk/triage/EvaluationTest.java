package dev.ydmyk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.Api;
import dev.ydmyk.drafting.ReplyGuidelines;
import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Sections;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's own evaluation set (src/test/resources/eval, README there): posts written fresh
 * and labelled by hand, in a development part the word lists may be tuned on and a held-out part
 * they must not be. Every post goes through the API as a customer's would; the triage and the draft
 * are read as a support lead reads them. Prints per-class precision and recall and the draft
 * checks, writes them to target/eval-report.txt, and holds the held-out figures to the bar.
 * Run alone with {@code ./mvnw verify -Peval}.
 */
@QuarkusTest
@Tag("eval")
class EvaluationTest {

    @Inject
    ReplyGuidelines guidelines;
    @Inject
    TopicCatalog topics;
    @Inject
    Triager triager;
    @Inject
    GuidelineFiles files;
    private LearntReading learnt;

    record Post(JsonNode label, String complaintId) {
        String get(String field) {
            JsonNode n = label.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }
    }

    /** Counts for one part of the set. */
    static final class Figures {
        final Map<String, int[]> kind = new TreeMap<>();      // class -> {tp, fp, fn}
        final Map<String, int[]> severity = new TreeMap<>();
        int posts;
        int kindRight;
        int drafts;
        int languageRight;
        int readLanguageRight;
        int complaints;
        int fourMoves;
        int named;
        int withName;
        int detailCandidates;
        int detailPresent;
        int praiseApologised;
        int sarcasmThanked;
        int remedyFromOtherTopic;
        final List<String> misses = new ArrayList<>();
        /** The learnt reading alone, for comparison: kind -> {right, posts}. */
        final Map<String, int[]> learntAlone = new TreeMap<>();

        void count(Map<String, int[]> table, String expected, String got) {
            table.computeIfAbsent(expected, k -> new int[3]);
            table.computeIfAbsent(got, k -> new int[3]);
            if (expected.equals(got)) {
                table.get(expected)[0]++;
            } else {
                table.get(got)[1]++;
                table.get(expected)[2]++;
            }
        }

        static double precision(int[] c) {
            return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
        }

        static double recall(int[] c) {
            return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
        }

        double kindAccuracy() {
            return (double) kindRight / posts;
        }

        double detailRate() {
            return detailCandidates == 0 ? 1.0 : (double) detailPresent / detailCandidates;
        }

        String report(String part) {
            StringBuilder out = new StringBuilder("== " + part + " (" + posts + " posts)\n");
            out.append(String.format(Locale.ROOT, "language read: %d/%d%n", readLanguageRight, posts));
            out.append(String.format(Locale.ROOT, "kind: %d/%d right (%.1f%%)%n", kindRight, posts, 100 * kindAccuracy()));
            kind.forEach((k, c) -> out.append(String.format(Locale.ROOT, "  %-10s precision %5.1f%%  recall %5.1f%%  (tp %d, fp %d, fn %d)%n",
                    k, 100 * precision(c), 100 * recall(c), c[0], c[1], c[2])));
            out.append("  learnt reading alone (not what the service does): " + learntAlone.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).collect(java.util.stream.Collectors.joining(", ")) + "\n");
            out.append("severity:\n");
            severity.forEach((k, c) -> out.append(String.format(Locale.ROOT, "  %-10s precision %5.1f%%  recall %5.1f%%  (tp %d, fp %d, fn %d)%n",
                    k, 100 * precision(c), 100 * recall(c), c[0], c[1], c[2])));
            out.append(String.format(Locale.ROOT, "drafts: %d; in the reply language %d; complaints with all four moves %d/%d; name %d/%d;%n"
                            + "  detail present %d/%d (%.1f%%); praise apologised to %d; sarcasm thanked %d; remedy from another topic %d%n",
                    drafts, languageRight, fourMoves, complaints, named, withName, detailPresent, detailCandidates, 100 * detailRate(),
                    praiseApologised, sarcasmThanked, remedyFromOtherTopic));
            misses.forEach(m -> out.append("  - ").append(m).append('\n'));
            return out.toString();
        }
    }

    private static long readAsSpam(Figures f) {
        return f.misses.stream().filter(m -> m.contains(" kind complaint read as spam")).count();
    }

    /**
     * A part's posts. The development parts are the service's labelled examples ({@code config/triage/examples.jsonl}, which
     * the learnt reading is taught from), told apart by their ids ("dev4-017"); the held-out parts are here alone.
     */
    static List<JsonNode> read(String part) throws IOException {
        boolean development = part.startsWith("dev");
        Path file = development ? Path.of("config/triage/examples.jsonl") : Path.of("src/test/resources/eval/" + part + ".jsonl");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode post = json.readTree(line);
                if (!development || post.path("id").asText().startsWith(part + "-")) {
                    out.add(post);
                }
            }
        }
        assertFalse(out.isEmpty(), "no posts of part " + part + " in " + file);
        return out;
    }

    @Test
    void theHeldOutPostsAreReadAndAnsweredAsASupportLeadWould() throws IOException {
        Figures dev = run("dev");
        Figures held = run("heldout");
        Figures dev2 = run("dev2");
        Figures dev3 = run("dev3");
        Figures blind = run("heldout2");
        Figures third = run("heldout3");
        Figures dev4 = run("dev4");
        Figures fourth = run("heldout4");
        Figures dev5 = run("dev5");
        Figures dev6 = run("dev6");
        Figures dev7 = run("dev7");
        Figures fifth = run("heldout5");
        String report = dev.report("development part") + "\n" + held.report("held-out part") + "\n"
                + dev2.report("development part, written blind") + "\n" + dev3.report("third development part, written from the guidelines")
                + "\n" + blind.report("held-out part, written blind") + "\n" + third.report("third held-out part, written blind 2026-12-06")
                + "\n" + dev4.report("fourth development part, written blind 2026-12-06") + "\n" + fourth.report("fourth held-out part, written blind 2026-12-06")
                + "\n" + dev5.report("fifth development part, written blind 2026-12-06 (session 15)")
                + "\n" + dev6.report("sixth development part, written blind 2026-12-07 (session 18)")
                + "\n" + dev7.report("seventh development part, written blind 2026-12-07 (session 21)")
                + "\n" + fifth.report("fifth held-out part, written blind 2026-12-07 (session 21)");
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/eval-report.txt"), report);

        // Floors at what the held-out part shows today (README, "Judgment"); the bar is higher for kind per class
        // (question precision and spam recall are short of 90%) and for details (85%).
        assertTrue(held.kindAccuracy() >= 0.94, "kind accuracy on the held-out part\n" + report);
        int[] critical = held.severity.getOrDefault("critical", new int[3]);
        assertTrue(Figures.recall(critical) >= 1.0, "every critical post read as critical\n" + report);
        assertTrue(held.praiseApologised == 0, "praise apologised to\n" + report);
        assertTrue(held.sarcasmThanked == 0, "sarcasm thanked\n" + report);
        assertTrue(held.remedyFromOtherTopic == 0, "remedies from another topic\n" + report);
        assertTrue(held.detailRate() >= 0.85, "details\n" + report);
        // The part written blind (by someone who had not seen the word lists) and never tuned on: far from the bar
        // (README, "Judgment"); these floors keep it from getting worse.
        assertTrue(blind.kindAccuracy() >= 0.89, "kind accuracy on the blind held-out part (124 -> 126/140 with the learnt reading)\n" + report);
        // The detail and the moves may vary a little from run to run (the wording variant is picked per complaint id):
        // floors a little below the measured 68.3% (nouns found by where the post puts them) and 63/95.
        // Session 19: what went wrong named before who or where it happened ([providers]): 68.3 -> 70.7%.
        assertTrue(blind.detailRate() >= 0.68, "details, blind held-out part\n" + report);
        // Session 18: a post read as a complaint for a negative word with no kind word beside it now gets all four moves
        // (README, "Judgment"): 61 -> 75 of 94 complaints here make them, and two praise posts more are apologised to (3 -> 5).
        // Session 19: any complaint with no kind word in it (not only one with a negative word) gets them: 75 -> 81.
        assertTrue(blind.fourMoves >= 77, "complaints with all four moves, blind held-out part\n" + report);
        assertTrue(blind.praiseApologised <= 5, "praise apologised to, blind held-out part\n" + report);
        assertTrue(blind.sarcasmThanked <= 3, "sarcasm thanked, blind held-out part\n" + report);
        int[] blindCritical = blind.severity.getOrDefault("critical", new int[3]);
        assertTrue(Figures.recall(blindCritical) >= 0.79, "critical recall, blind held-out part\n" + report);
        // The third part, written blind on 2026-12-06 and never tuned on (README, "Judgment"): floors at its figures.
        assertTrue(third.kindAccuracy() >= 0.84, "kind accuracy on the third blind held-out part (116 -> 119/140 with the learnt reading)\n" + report);
        assertTrue(third.praiseApologised <= 4, "praise apologised to, third blind held-out part\n" + report);
        assertTrue(third.sarcasmThanked <= 3, "sarcasm thanked, third blind held-out part\n" + report);
        assertTrue(Figures.recall(third.severity.getOrDefault("critical", new int[3])) >= 0.86,
                "critical recall, third blind held-out part\n" + report);
        assertTrue(third.detailRate() >= 0.71, "details, third blind held-out part (70.4 -> 74.4% in session 19)\n" + report);
        assertTrue(dev2.kindAccuracy() >= 0.98, "kind accuracy on the blind development part\n" + report);
        assertTrue(dev2.detailRate() >= 0.77, "details, blind development part\n" + report);
        assertTrue(dev3.kindAccuracy() >= 0.99, "kind accuracy on the third development part\n" + report);
        assertTrue(dev3.detailRate() >= 0.73, "details, third development part\n" + report);
        // The fourth parts, written blind later on 2026-12-06 by two other writers (README, "Judgment"): dev4 tuned on, heldout4 not.
        // Details found by where the post puts them (nouns after a preposition or an article, English "my/the/a X").
        assertTrue(dev4.kindAccuracy() >= 0.94, "kind accuracy on the fourth development part\n" + report);
        assertTrue(dev4.praiseApologised == 0, "praise apologised to, fourth development part\n" + report);
        assertTrue(Figures.recall(dev4.severity.getOrDefault("critical", new int[3])) >= 0.95, "critical recall, fourth development part\n" + report);
        assertTrue(dev4.detailRate() >= 0.59, "details, fourth development part\n" + report);
        assertTrue(fourth.kindAccuracy() >= 0.885, "kind accuracy on the fourth held-out part\n" + report);
        assertTrue(fourth.praiseApologised == 0, "praise apologised to, fourth held-out part\n" + report);
        assertTrue(fourth.sarcasmThanked <= 6, "sarcasm thanked, fourth held-out part\n" + report);
        assertTrue(Figures.recall(fourth.severity.getOrDefault("critical", new int[3])) >= 0.93, "critical recall, fourth held-out part\n" + report);
        assertTrue(fourth.fourMoves >= 78, "complaints with all four moves, fourth held-out part (80 -> 82 in session 19)\n" + report);
        assertTrue(Figures.recall(fourth.kind.getOrDefault("question", new int[3])) >= 0.9, "questions, fourth held-out part\n" + report);
        assertTrue(fourth.detailRate() >= 0.62, "details, fourth blind held-out part (60.8 -> 65.6% in session 19)\n" + report);
        // The fifth development part, written blind in session 15 and tuned on the same day (122 -> 144/150; README, "Judgment").
        assertTrue(dev5.kindAccuracy() >= 0.95, "kind accuracy on the fifth development part\n" + report);
        assertTrue(dev5.praiseApologised == 0, "praise apologised to, fifth development part\n" + report);
        assertTrue(dev5.sarcasmThanked == 0, "sarcasm thanked, fifth development part\n" + report);
        // The sixth development part, written blind in session 18 on the boundaries (praise, questions, spam): 112 -> 127/150.
        assertTrue(dev6.kindAccuracy() >= 0.88, "kind accuracy on the sixth development part (130 -> 134/150 in session 20)\n" + report);
        assertTrue(Figures.recall(dev6.kind.getOrDefault("spam", new int[3])) >= 0.93, "spam, sixth development part\n" + report);
        assertTrue(dev6.sarcasmThanked <= 2, "sarcasm thanked, sixth development part\n" + report);
        // Session 21: a seventh development part and a fifth held-out part, each written blind by a writer of its own on the
        // boundaries the earlier parts showed (README, "Judgment"). First figures (commit df7ef97): dev7 115/140, heldout5 107/140.
        assertTrue(dev7.kindAccuracy() >= 0.81, "kind accuracy on the seventh development part\n" + report);
        assertTrue(fifth.kindAccuracy() >= 0.78, "kind accuracy on the fifth held-out part (107 -> 111/140 with the learnt reading)\n" + report);
        assertTrue(Figures.recall(fifth.kind.getOrDefault("question", new int[3])) >= 0.45, "questions, fifth held-out part (5 -> 7/15 with the learnt reading)\n" + report);
        assertTrue(Figures.recall(fifth.kind.getOrDefault("spam", new int[3])) >= 0.4, "spam, fifth held-out part (2 -> 4/10 with the learnt reading)\n" + report);
        // A complaint read as spam gets no reply at all: the learnt reading may say spam only where that never happens here
        // (the one on the blind part is the word lists' own, "rabattkode", from before it).
        assertTrue(readAsSpam(blind) <= 1 && readAsSpam(third) + readAsSpam(fourth) + readAsSpam(fifth) + readAsSpam(held) == 0,
                "complaints read as spam on the held-out parts\n" + report);
        assertTrue(fifth.praiseApologised <= 3, "praise apologised to, fifth held-out part\n" + report);
        assertTrue(fifth.sarcasmThanked <= 3, "sarcasm thanked, fifth held-out part\n" + report);
        assertTrue(third.fourMoves >= 81, "complaints with all four moves, third blind held-out part (82 -> 85 in session 19)\n" + report);
        int[] dev3Question = dev3.kind.getOrDefault("question", new int[3]);
        assertTrue(Figures.recall(dev3Question) >= 0.99, "questions that suppose a grievance stay questions, third development part\n" + report);
    }

    private Figures run(String part) throws IOException {
        if (learnt == null) {
            learnt = LearntReading.from(files.config("triage/examples.jsonl").orElseThrow(), new ObjectMapper()).orElseThrow();
        }
        List<Post> posts = new ArrayList<>();
        for (JsonNode label : read(part)) {
            Map<String, Object> body = Api.complaint(label.get("source").asText(), label.get("author").asText(), label.get("text").asText());
            posts.add(new Post(label, Api.post(body)));
        }
        Figures f = new Figures();
        for (Post p : posts) {
            JsonPath view = awaitRead(p.complaintId());
            String id = p.get("id");
            f.posts++;
            String kind = view.getString("triage.kind");
            if (p.get("lang").equals(view.getString("triage.language"))) {
                f.readLanguageRight++;
            } else {
                f.misses.add(id + " language " + p.get("lang") + " read as " + view.getString("triage.language"));
            }
            f.count(f.kind, p.get("kind"), kind);
            int[] alone = f.learntAlone.computeIfAbsent(p.get("kind"), k -> new int[2]);
            alone[0] += learnt.likeliest(p.get("text")).getKey().wire().equals(p.get("kind")) ? 1 : 0;
            alone[1]++;
            if (p.get("kind").equals(kind)) {
                f.kindRight++;
            } else {
                f.misses.add(id + " kind " + p.get("kind") + " read as " + kind + " " + view.getList("triage.reasons") + ": " + cut(p.get("text")));
            }
            String severity = view.getString("triage.severity");
            f.count(f.severity, p.get("severity"), severity);
            if (!p.get("severity").equals(severity) && ("critical".equals(p.get("severity")) || "critical".equals(severity))) {
                f.misses.add(id + " severity " + p.get("severity") + " read as " + severity + ": " + cut(p.get("text")));
            }
            if ("spam".equals(kind)) {
                continue;
            }
            readDraft(p, view, f);
        }
        return f;
    }

    private void readDraft(Post p, JsonPath view, Figures f) {
        String id = p.get("id");
        String text = view.getString("drafts[0].text");
        String language = view.getString("drafts[0].language");
        List<String> moves = view.getList("drafts[0].toneCheck.moves");
        f.drafts++;
        if (triager.replyLanguageOf(p.get("lang")).equals(language)) {
            f.languageRight++;
        } else {
            f.misses.add(id + " answered in " + language + ", post is " + p.get("lang"));
        }
        String[] paragraphs = text.split("\n\n");
        String middle = String.join(" ", List.of(paragraphs).subList(Math.min(1, paragraphs.length - 1), Math.max(1, paragraphs.length - 1)))
                .toLowerCase(Locale.ROOT);
        if ("complaint".equals(p.get("kind"))) {
            f.complaints++;
            if (moves.containsAll(List.of("acknowledge", "apologise", "fix", "report-back"))) {
                f.fourMoves++;
            } else {
                f.misses.add(id + " complaint reply makes only " + moves);
            }
            String remedy = remedyUsed(text, language);
            String expected = topics.remedyOf(p.get("topic"));
            if (remedy != null && !remedy.equals("investigate") && !remedy.equals(expected)) {
                f.remedyFromOtherTopic++;
                f.misses.add(id + " offers " + remedy + " for a post about " + p.get("topic") + ": " + cut(p.get("text")));
            }
        }
        String author = p.get("author");
        if (author != null && author.contains(" ")) {
            f.withName++;
            if (text.contains(author.split(" ")[0])) {
                f.named++;
            }
        }
        JsonNode details = p.label().get("detail");
        if (details != null && details.size() > 0) {
            f.detailCandidates++;
            boolean present = false;
            for (JsonNode d : details) {
                String w = d.asText().toLowerCase(Locale.ROOT);
                String stem = w.substring(0, Math.min(w.length(), Math.max(4, w.length() - 2)));
                present |= middle.contains(stem);
            }
            if (present) {
                f.detailPresent++;
            } else {
                f.misses.add(id + " names none of " + details + " (the triage found " + triager.triage(p.get("text"), p.get("lang")).details() + "): " + cut(middle));
            }
        }
        if ("praise".equals(p.get("kind")) && moves.contains("apologise")) {
            f.praiseApologised++;
            f.misses.add(id + " apologises to praise: " + cut(text));
        }
        if (p.label().path("sarcasm").asBoolean(false) && "praise".equals(view.getString("triage.kind"))) {
            f.sarcasmThanked++;
            f.misses.add(id + " thanks sarcasm: " + cut(text));
        }
    }

    /** Which topic's remedy a reply offers, read from the wording it was composed from. */
    private String remedyUsed(String text, String language) {
        Sections s = guidelines.forLanguage(language);
        for (Map.Entry<String, List<String>> e : s.all().entrySet()) {
            if (e.getKey().startsWith("remedy:") && e.getValue().stream().anyMatch(text::contains)) {
                return e.getKey().substring("remedy:".length());
            }
        }
        return null;
    }

    /** Waits until the post is triaged and, unless it is spam, drafted. */
    private static JsonPath awaitRead(String complaintId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonPath view = Api.complaintView(complaintId);
        while (Instant.now().isBefore(deadline)) {
            view = Api.complaintView(complaintId);
            String kind = view.getString("triage.kind");
            List<?> drafts = view.getList("drafts");
            if ("spam".equals(kind) || (kind != null && drafts != null && !drafts.isEmpty())) {
                return view;
            }
            Api.sleep(50);
        }
        throw new AssertionError("Complaint " + complaintId + " was not read within 60 s: " + view.prettify());
    }

    private static String cut(String s) {
        String one = s.replace('\n', ' ');
        if (one.length() <= 140) {
            return one;
        }
        // Never cut an emoji (a surrogate pair) in half: the report could not be written as UTF-8.
        int end = Character.isHighSurrogate(one.charAt(139)) ? 139 : 140;
        return one.substring(0, end) + "…";
    }
}
