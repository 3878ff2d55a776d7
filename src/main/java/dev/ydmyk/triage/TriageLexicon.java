package dev.ydmyk.triage;

import dev.ydmyk.guidelines.Phrases;
import dev.ydmyk.guidelines.Sections;

/** The word lists of one language from {@code config/triage/<lang>.txt}. */
record TriageLexicon(Phrases complaint, Phrases praise, Phrases question, Phrases spam,
                     Phrases severe, Phrases injection, Phrases determiners) {

    static TriageLexicon from(Sections s) {
        return new TriageLexicon(Phrases.of(s.get("complaint")), Phrases.of(s.get("praise")),
                Phrases.of(s.get("question")), Phrases.of(s.get("spam")), Phrases.of(s.get("severe")),
                Phrases.of(s.get("injection")), Phrases.of(s.get("determiners")));
    }
}
