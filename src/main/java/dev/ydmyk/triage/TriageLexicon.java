package dev.ydmyk.triage;

import dev.ydmyk.guidelines.Phrases;
import dev.ydmyk.guidelines.Sections;

/**
 * The word lists of one language from {@code config/triage/<lang>.txt}: what makes a post a
 * complaint (strong words, and weak ones such as "not" that count only together), praise (also
 * worded with negatives: "not bad at all"), sarcasm (also thanks that close a
 * grievance: "Had an important call today. Thanks for that.", and hints such as "what a surprise" that are ironic
 * only beside something wrong), a problem now solved, thanks to a named person,
 * a question and the words that make one rhetorical ("how many times", "egentlig"), spam, a serious or critical
 * matter, an attempt to steer the assistant, and everyday things a reply may name ({@link Things}).
 */
record TriageLexicon(Phrases complaint, Phrases weak, Phrases negation, Phrases praise, Phrases negatedPraise, Phrases sarcasm,
                     Phrases sarcasmClosing, Phrases sarcasmHint, Phrases resolved, Phrases staffThanks, Phrases question, Phrases rhetorical, Phrases spam, Phrases severe,
                     Phrases critical, Phrases injection, Things things, String language) {

    static TriageLexicon from(Sections s, String language) {
        return new TriageLexicon(Phrases.of(s.get("complaint")), Phrases.of(s.get("complaint-weak")), Phrases.of(s.get("negation")),
                Phrases.of(s.get("praise")), Phrases.of(s.get("praise-negated")), Phrases.of(s.get("sarcasm")),
                Phrases.of(s.get("sarcasm-closing")), Phrases.of(s.get("sarcasm-hint")), Phrases.of(s.get("resolved")), Phrases.of(s.get("staff-thanks")), Phrases.of(s.get("question")),
                Phrases.of(s.get("rhetorical")),
                Phrases.of(s.get("spam")), Phrases.of(s.get("severe")), Phrases.of(s.get("critical")),
                Phrases.of(s.get("injection")), Things.from(s.get("things"), language), language);
    }
}
