package dev.ydmyk.drafting;

import dev.ydmyk.guidelines.Sections;
import dev.ydmyk.intake.Complaint;
import dev.ydmyk.tone.ToneCheck;
import dev.ydmyk.tone.ToneReport;
import dev.ydmyk.triage.Kind;
import dev.ydmyk.triage.Severity;
import dev.ydmyk.triage.Triage;
import dev.ydmyk.triage.Triager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the triage is not sure whether a post is a complaint or praise (issue 13), the offline draft
 * takes the safe reading: it thanks the customer for writing, says it has read what they describe and
 * will look into it and come back, and neither thanks them for kind words nor apologises for what may
 * have been praise.
 */
@QuarkusTest
class UncertainDraftTest {

    @Inject
    GuidelineDrafter drafter;
    @Inject
    ReplyGuidelines guidelines;
    @Inject
    ToneCheck toneCheck;
    @Inject
    Triager triager;

    @ParameterizedTest
    @ValueSource(strings = {"nb", "nn", "da", "sv", "en"})
    void anUncertainPostIsNeitherThankedForKindWordsNorApologisedTo(String lang) {
        Sections wording = guidelines.forLanguage(lang);
        List<String> praiseWording = new ArrayList<>();
        for (String part : List.of("praise-thanks", "praise-pass-on", "apologise", "apologise-again")) {
            wording.get(part).forEach(v -> praiseWording.add(v.substring(0, Math.min(v.length(), 24))));
        }
        for (List<String> details : List.of(List.<String>of(), List.of(lang.equals("en") ? "parcel" : "pakken"))) {
            Triage uncertain = new Triage(lang, Kind.COMPLAINT, Severity.MEDIUM, List.of("delivery"), "delivery", details, null,
                    List.of(Triage.UNCERTAIN), List.of("kind words and a grievance in one post: read as a complaint"));
            for (int attempt = 0; attempt < 4; attempt++) {
                String text = drafter.draft(request(uncertain, lang, attempt)).text();
                ToneReport tone = toneCheck.check(text, lang, null);
                assertFalse(tone.has("apologise"), "an uncertain post is not apologised to:\n" + text);
                for (String move : List.of("acknowledge", "fix", "report-back")) {
                    assertTrue(tone.has(move), "the reply still makes the move " + move + ":\n" + text);
                }
                assertTrue(tone.clean(), tone.findings() + "\n" + text);
                for (String praise : praiseWording) {
                    assertFalse(text.contains(praise), "uses the wording of praise or an apology (" + praise + "):\n" + text);
                }
            }
        }
    }

    @Test
    void kindWordsBesideAGrievanceAreReadUncertainAndAnsweredTheSafeWay() {
        String post = "The staff in the shop were lovely, but the parcel never arrived.";
        Triage t = triager.triage(post, null);
        assertTrue(t.flagged(Triage.UNCERTAIN), t.flags() + " " + t.reasons());
        String text = drafter.draft(request(t, "en", 0)).text();
        ToneReport tone = toneCheck.check(text, "en", null);
        assertFalse(tone.has("apologise"), text);
        assertFalse(text.toLowerCase().contains("kind words"), text);
        assertTrue(tone.has("fix") && tone.has("report-back"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"When will my late parcel arrive?", "Does anyone actually read these messages?"})
    void aQuestionWithoutKindWordsReadAsAComplaintGetsTheFourMoves(String post) {
        Triage t = triager.triage(post, null);
        assertTrue(t.flagged(Triage.UNCERTAIN) && t.flagged(Triage.NO_KIND_WORDS), t.flags() + " " + t.reasons());
        String text = drafter.draft(request(t, "en", 0)).text();
        ToneReport tone = toneCheck.check(text, "en", null);
        for (String move : List.of("acknowledge", "apologise", "fix", "report-back")) {
            assertTrue(tone.has(move), "the reply makes the move " + move + ":\n" + text);
        }
    }

    private static DraftRequest request(Triage triage, String lang, int attempt) {
        Complaint complaint = new Complaint(UUID.randomUUID(), "facebook", "f-" + UUID.randomUUID(), "Kari Nordmann", null, "…",
                null, null, lang, Instant.now(), null, true, null, null, null, null);
        return new DraftRequest(complaint, triage, lang, null, attempt);
    }
}
