package dev.ydmyk.triage;

import dev.ydmyk.guidelines.Phrases;
import dev.ydmyk.guidelines.Sections;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The word lists of one language from {@code config/triage/<lang>.txt}: what makes a post a
 * complaint (strong words, and weak ones such as "not" that count only together), praise (also
 * worded with negatives: "not bad at all"), sarcasm (also thanks that close a
 * grievance: "Had an important call today. Thanks for that.", and hints such as "what a surprise" that are ironic
 * only beside something wrong), a problem now solved, thanks to a named person,
 * a question and the words that make one rhetorical ("how many times", "egentlig"), spam, a serious or critical
 * matter (and the conditions among its words, "allergisk", "wheelchair", that tell of a need, not of harm), an attempt to steer the assistant, everyday things a reply may name ({@link Things}), and the places and
 * people that provide a service ("apoteket", "the landlord"), which a reply names only when nothing else is named.
 */
record TriageLexicon(Phrases complaint, Phrases weak, Phrases negation, Phrases praise, Phrases negatedPraise, Phrases sarcasm,
                     Phrases sarcasmLiteral, Phrases sarcasmClosing, Phrases sarcasmHint, Phrases resolved, Phrases staffThanks, Phrases question, Phrases rhetorical, Phrases spam, Phrases severe,
                     Phrases critical, Phrases criticalConditions, Phrases injection, Phrases providers, Things things, String language) {

    static TriageLexicon from(Sections s, String language) {
        return from(s, Sections.empty(), language);
    }

    /**
     * A language's lists with a neighbour's words added to each (not its things, whose definite forms are the neighbour's):
     * a Nynorsk post is read with Bokmål's words too, which its writer often uses ("fornøyd", "takknemlig") and which a
     * Nynorsk list cannot all repeat.
     */
    static TriageLexicon from(Sections s, Sections neighbour, String language) {
        return new TriageLexicon(of(s, neighbour, "complaint"), of(s, neighbour, "complaint-weak"), of(s, neighbour, "negation"),
                of(s, neighbour, "praise"), of(s, neighbour, "praise-negated"), of(s, neighbour, "sarcasm"), of(s, neighbour, "sarcasm-literal"),
                of(s, neighbour, "sarcasm-closing"), of(s, neighbour, "sarcasm-hint"), of(s, neighbour, "resolved"),
                of(s, neighbour, "staff-thanks"), of(s, neighbour, "question"), of(s, neighbour, "rhetorical"),
                of(s, neighbour, "spam"), of(s, neighbour, "severe"), of(s, neighbour, "critical"),
                of(s, neighbour, "critical-conditions"), of(s, neighbour, "injection"), of(s, neighbour, "providers"), Things.from(s.get("things"), language), language);
    }

    private static Phrases of(Sections s, Sections neighbour, String section) {
        Set<String> lines = new LinkedHashSet<>(s.get(section));
        lines.addAll(neighbour.get(section));
        return Phrases.of(List.copyOf(lines));
    }
}
