package dev.ydmyk.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learnt reading on its own: what a handful of labelled posts teach it, and the examples file's lines it takes. */
class LearntReadingTest {

    private static final List<LearntReading.Example> TAUGHT = List.of(
            new LearntReading.Example("Pakken kom aldri, og ingen svarer på kundeservice.", Kind.COMPLAINT),
            new LearntReading.Example("Regningen er feil for tredje måned på rad. Dette er ikke greit.", Kind.COMPLAINT),
            new LearntReading.Example("The router has been down since Monday and nobody answers.", Kind.COMPLAINT),
            new LearntReading.Example("Hvordan endrer jeg adressen på Min side?", Kind.QUESTION),
            new LearntReading.Example("How do I change the address on my account?", Kind.QUESTION),
            new LearntReading.Example("Tusen takk til Kari som hjalp meg i går!", Kind.PRAISE),
            new LearntReading.Example("Tjen 5000 kr om dagen hjemmefra! Send meg en DM nå", Kind.SPAM),
            new LearntReading.Example("Earn $500 a day from home, DM me now, link in bio", Kind.SPAM));

    @Test
    void aPostReadsLikeTheKindWhoseExamplesItResembles() {
        LearntReading reading = LearntReading.of(TAUGHT).orElseThrow();

        assertEquals(Kind.SPAM, reading.likeliest("Tjen 3000 kr i uka hjemmefra, send meg en DM!").getKey());
        assertEquals(Kind.QUESTION, reading.likeliest("Hvordan endrer jeg passordet på Min side?").getKey());
        assertEquals(Kind.PRAISE, reading.likeliest("Takk til Ola som hjalp oss i dag!").getKey());
        assertEquals(Kind.COMPLAINT, reading.likeliest("Regningen er feil igjen, og ingen svarer.").getKey());
        Map<Kind, Double> p = reading.posterior("Pakken kom aldri");
        assertEquals(1.0, p.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(4, p.size(), "every kind the examples had gets a probability");
    }

    @Test
    void theExamplesFileIsReadLineByLineAndLinesItCannotUseAreLeftOut() {
        String lines = """
                {"id": "x-001", "text": "Hvordan endrer jeg adressen?", "kind": "question", "severity": "low"}

                {"id": "x-002", "text": "Pakken kom aldri.", "kind": "complaint"}
                {"text": "Tusen takk til Kari!", "kind": "praise"}
                {"id": "x-004", "text": "Tjen penger hjemmefra, send meg en DM", "kind": "spam"}
                {"id": "x-005", "text": "No kind here"}
                {"id": "x-006", "text": "", "kind": "praise"}
                {"id": "x-007", "text": "A kind nobody knows", "kind": "rant"}
                not json at all
                """;
        LearntReading reading = LearntReading.from(lines, new ObjectMapper()).orElseThrow();

        assertEquals(4, reading.examples());
        assertTrue(LearntReading.from("not json\n\n", new ObjectMapper()).isEmpty(), "nothing to learn from: no reading");
        String noSpam = lines.lines().filter(l -> !l.contains("\"spam\"")).reduce("", (a, b) -> a + b + "\n");
        assertTrue(LearntReading.from(noSpam, new ObjectMapper()).isEmpty(), "a kind without examples: no reading");
    }

    @Test
    void wordsNoExampleHadSayNothing() {
        LearntReading reading = LearntReading.of(TAUGHT).orElseThrow();

        Map<Kind, Double> unknown = reading.posterior("Qzxv wqrt plmk");
        Map<Kind, Double> nothing = reading.posterior("");
        unknown.forEach((kind, p) -> assertEquals(nothing.get(kind), p, 1e-9, "only the examples' shares: " + unknown));
    }

    @Test
    void theFeaturesAreWordsWordPairsAndLetterPiecesAcrossWords() {
        var f = LearntReading.features("Hei, DM meg!");

        assertTrue(f.containsAll(List.of("w:hei", "w:,", "w:dm", "w:meg", "w:!", "b:hei_,", "b:dm_meg", "c3: he", "c5:dm me", "c3:eg!")), f.toString());
    }
}
