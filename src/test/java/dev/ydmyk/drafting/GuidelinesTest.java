package dev.ydmyk.drafting;

import dev.ydmyk.guidelines.Sections;
import dev.ydmyk.tone.ToneCheck;
import dev.ydmyk.tone.ToneReport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wording in prompts/ is edited by support leads: every variant of every part must still make
 * the move it stands for, and none may trip the tone check.
 */
@QuarkusTest
class GuidelinesTest {

    private static final Map<String, String> PART_MOVE = Map.ofEntries(
            Map.entry("acknowledge", "acknowledge"),
            Map.entry("apologise", "apologise"),
            Map.entry("report-back", "report-back"),
            Map.entry("thanks", "thanks"),
            Map.entry("follow-up-acknowledge", "acknowledge"),
            Map.entry("apologise-again", "apologise"),
            Map.entry("critical-acknowledge", "acknowledge"),
            Map.entry("critical-apologise", "apologise"),
            Map.entry("critical-fix", "fix"),
            Map.entry("critical-report-back", "report-back"),
            Map.entry("uncertain-acknowledge", "acknowledge"),
            Map.entry("uncertain-fix", "fix"),
            Map.entry("uncertain-report-back", "report-back"));

    @Inject
    ReplyGuidelines guidelines;
    @Inject
    ToneCheck toneCheck;

    @ParameterizedTest
    @ValueSource(strings = {"nb", "nn", "da", "sv", "en"})
    void everyVariantMakesItsMoveAndRaisesNothing(String lang) {
        Sections s = guidelines.forLanguage(lang);
        List<String> problems = new ArrayList<>();
        s.all().forEach((section, variants) -> {
            if (section.equals("hint-words")) {
                return; // the words agents write in hints, not reply text
            }
            for (String v : variants) {
                String text = v.replace("{name}", "Kari").replace("{detail}", "pakken").replace("{topic}", "saken")
                        .replace("{agent}", "Ola").replace("{staff}", "Maria").replace("{remedy}", "");
                ToneReport r = toneCheck.check(text, lang, null);
                String move = section.startsWith("remedy:") ? "fix" : PART_MOVE.get(section.split("@")[0]);
                if (move != null && !r.has(move)) {
                    problems.add("[" + section + "] is not read as " + move + ": " + v);
                }
                if (!r.clean()) {
                    problems.add("[" + section + "] trips the tone check " + r.findings() + ": " + v);
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
