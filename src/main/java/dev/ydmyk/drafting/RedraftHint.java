package dev.ydmyk.drafting;

import dev.ydmyk.config.ReplyLanguage;
import dev.ydmyk.guidelines.Phrases;
import dev.ydmyk.guidelines.Sections;
import dev.ydmyk.triage.Topic;
import dev.ydmyk.triage.TopicCatalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the guideline drafter can make of an agent's redraft hint: styles ("shorter", "more formal",
 * "warmer", "no apology") from the {@code [hint-words]} of every language's reply.txt, since an agent
 * may write the hint in their own language, and a topic named by one of its words ("it is about the
 * bill"). A hint it cannot use is said so, not ignored.
 */
record RedraftHint(Set<String> styles, String topic, String note) {

    static final RedraftHint NONE = new RedraftHint(Set.of(), null, null);

    static RedraftHint read(String hint, ReplyGuidelines guidelines, TopicCatalog topics) {
        if (hint == null || hint.isBlank()) {
            return NONE;
        }
        Set<String> styles = new LinkedHashSet<>();
        for (String lang : ReplyLanguage.codes()) {
            Sections s = guidelines.forLanguage(lang);
            for (String line : s.get("hint-words")) {
                int colon = line.indexOf(':');
                if (colon > 0 && Phrases.of(List.of(line.substring(colon + 1).split("\\s*,\\s*"))).any(hint)) {
                    styles.add(line.substring(0, colon).strip());
                }
            }
        }
        String topic = null;
        for (Topic t : topics.all()) {
            for (String lang : ReplyLanguage.codes()) {
                if (topic == null && (!t.nounsFor(lang).find(hint).isEmpty() || t.signalsFor(lang).any(hint))) {
                    topic = t.id();
                }
            }
        }
        List<String> used = new ArrayList<>(styles);
        if (topic != null) {
            used.add("topic " + topic);
        }
        String note = used.isEmpty()
                ? "The guideline drafter could not use the hint \u201c" + hint.strip() + "\u201d: it understands shorter, more formal, "
                + "warmer, no apology, and a topic (\u201cthe bill\u201d, \u201cthe delivery\u201d). Edit the text, or use the model."
                : "Redrafted with the hint: " + String.join(", ", used) + ".";
        return new RedraftHint(Set.copyOf(styles), topic, note);
    }
}
