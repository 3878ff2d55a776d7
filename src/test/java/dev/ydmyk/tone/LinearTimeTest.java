package dev.ydmyk.tone;

import dev.ydmyk.triage.Triager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tone check and triage read a text in time linear in its length: a post without spaces
 * (which made the old patterns backtrack over the whole rest of the text at every position) is
 * checked as fast as prose.
 */
@QuarkusTest
class LinearTimeTest {

    /** Below 20 ms the ratio says more about the machine than about the code. */
    private static final long FLOOR = 20_000_000L;

    @Inject
    ToneCheck toneCheck;
    @Inject
    Triager triager;

    /** Shapes of hostile text: runs of one kind of character, dotted labels, address-like runs, numbers, quotes. */
    static String text(String kind, int length) {
        String unit = switch (kind) {
            case "letters" -> "a";
            case "capitals" -> "A";
            case "digits" -> "7";
            case "dotted" -> "a.";
            case "address" -> "x_y.";
            case "dashes" -> "-";
            case "amounts" -> "1 ";
            case "quotes" -> "\"ab cd\" ";
            // a possessive after every noun, feared trouble with no "but", kind words trailing off (the triage of 2026-12-06)
            case "possessives" -> "bil min ";
            case "feared" -> "not bad ";
            case "trailing" -> "bra… ";
            // a request with no closing thanks, a handle with no money word, a kind word conceded with no "but" (session 15)
            case "please" -> "please ";
            case "handles" -> "@recovery_";
            case "conceded" -> "grei nok ";
            // the same again told alone, fixes others claim (session 16)
            case "repeated" -> "Tredje gang. ";
            case "claimed" -> "sier at det er fikset, ikke ";
            default -> "æ-";
        };
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    @ParameterizedTest(name = "tone check, {0}")
    @ValueSource(strings = {"letters", "capitals", "digits", "dotted", "address", "dashes", "nordic", "amounts", "quotes"})
    void theToneCheckIsLinear(String kind) {
        // About 5-12 ms here (60-90 ms before the word lists were indexed); quadratic code takes seconds at this length, so the limit has room.
        assertLinear(kind, 250, t -> toneCheck.check(t, "nb", t));
    }

    @ParameterizedTest(name = "triage, {0}")
    @ValueSource(strings = {"letters", "capitals", "digits", "dotted", "address", "dashes", "nordic", "amounts", "quotes", "possessives",
            "feared", "trailing", "please", "handles", "conceded", "repeated", "claimed"})
    void triageIsLinear(String kind) {
        // Triage reads topics, severity, kind, denied grievances and flat verdicts in five languages: 10-20 ms for
        // 10,000 characters on the 2-core CI machine since word lists are read through their index (250-350 ms
        // before, one pattern per phrase over the whole text). Quadratic code takes many seconds here (and fails
        // the ratio below), so the bound stays far from both.
        assertLinear(kind, 500, t -> triager.triage(t, null));
    }

    /** 10,000 characters within the limit, and twice the text at most about twice the time (never four times). */
    private static void assertLinear(String kind, long limitMillis, Consumer<String> work) {
        String ten = text(kind, 10_000);
        String twenty = text(kind, 20_000);
        long first = System.nanoTime();
        work.accept(ten);
        // Cold code is slower, but not by seconds: quadratic code fails here without a long warm-up.
        assertTrue(System.nanoTime() - first < 1_000_000_000L, kind + ": 10,000 characters took over a second");
        for (int i = 0; i < 5; i++) {
            work.accept(ten);
            work.accept(twenty);
        }
        long[] times = bestOfInterleaved(work, ten, twenty);
        for (int round = 0; round < 2 && times[1] > 3 * Math.max(times[0], FLOOR); round++) {
            times = bestOfInterleaved(work, ten, twenty); // a colleague's build on the same cores: measure again
        }
        long t10 = times[0];
        long t20 = times[1];
        System.out.printf("%s: 10,000 chars %.1f ms, 20,000 chars %.1f ms%n", kind, t10 / 1e6, t20 / 1e6);
        assertTrue(t10 < limitMillis * 1_000_000L, kind + ": 10,000 characters took " + t10 / 1_000_000 + " ms");
        // The floor keeps a busy moment on tiny figures from failing the ratio (a clean-clone run beside other builds
        // once measured 4.6 ms against 33 ms for letters, linear at 8 / 12 ms when run again); quadratic code is far above it.
        assertTrue(t20 <= 3 * Math.max(t10, FLOOR), kind + ": 20,000 characters took " + t20 / 1_000 + " µs, 10,000 took " + t10 / 1_000 + " µs");
    }

    /** The fastest of nine runs of each length, taken in turns so that a busy moment hits both alike. */
    private static long[] bestOfInterleaved(Consumer<String> work, String ten, String twenty) {
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int i = 0; i < 9; i++) {
            best[0] = Math.min(best[0], time(work, ten));
            best[1] = Math.min(best[1], time(work, twenty));
        }
        return best;
    }

    private static long time(Consumer<String> work, String text) {
        long start = System.nanoTime();
        work.accept(text);
        return System.nanoTime() - start;
    }
}
