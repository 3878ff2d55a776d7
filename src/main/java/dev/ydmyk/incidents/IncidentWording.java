package dev.ydmyk.incidents;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.Composition;
import dev.ydmyk.drafting.ReplyGuidelines;
import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Sections;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * An incident's texts, from the support lead's wording in {@code prompts/<lang>/incident.txt}: the
 * public statement and its update, each member's acknowledgement and report-back. Composed, not
 * generated: a storm of thousands costs no model call per complaint. With {@code ydmyk.drafter=llm}
 * the model writes the statements (one call per language), and these stand in when it cannot.
 */
@ApplicationScoped
public class IncidentWording {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final GuidelineFiles files;
    private final ReplyGuidelines replies;
    private final ZoneId zone;

    public IncidentWording(GuidelineFiles files, ReplyGuidelines replies, YdmykConfig config) {
        this.files = files;
        this.replies = replies;
        this.zone = ZoneId.of(config.hours().zone());
    }

    /** The language whose wording is used: the reply's own if it has incident.txt, else English. */
    String language(String language) {
        return files.promptSections(language + "/incident.txt").has("compose:acknowledgement") ? language : "en";
    }

    String statement(String language, String topic, Instant since, Instant next, UUID seed) {
        return compose(language, "statement", seed, 0, "topic", topicWords(language, topic),
                "since", time(since), "next", time(next));
    }

    /** The statement's signature line ("{agent}, customer service"), for the model to end with. */
    String signature(String language) {
        List<String> line = files.promptSections(language(language) + "/incident.txt").get("statement-signature");
        return line.isEmpty() ? "{agent}" : line.get(0).replace("\\n", "\n");
    }

    /** A time of day as the statements say it (HH:mm, in the business-hours zone). */
    String time(Instant at) {
        return CLOCK.format(at.atZone(zone));
    }

    String update(String language, String topic, String note, UUID seed) {
        return compose(language, "statement-update", seed, 0, "topic", topicWords(language, topic), "note", note);
    }

    /**
     * A member's acknowledgement; a critical post (health and safety, vulnerable people, grief, threats, the law)
     * gets the serious wording of {@code [compose:acknowledgement-critical]} where the language has it.
     */
    String acknowledgement(String language, String name, String detail, String topic, String statementUrl, boolean critical, UUID seed) {
        String lang = language(language);
        String topicWords = topicWords(lang, topic);
        Composition c = composition(lang, "topic", topicWords, "name", name, "detail", detail, "statement", statementUrl);
        c.with("gist", c.part("gist", new Random(seed.hashCode()), 0));
        String kind = critical && files.promptSections(lang + "/incident.txt").has("compose:acknowledgement-critical")
                ? "acknowledgement-critical" : "acknowledgement";
        return c.compose(kind, new Random(seed.hashCode()), 0);
    }

    String reportBack(String language, String name, String topic, String note, UUID seed) {
        return compose(language, "report-back", seed, 0, "topic", topicWords(language(language), topic), "name", name, "note", note);
    }

    /**
     * How the messages name a topic in this language ("the outage", "bruddet"): incident.txt's own words first
     * (they speak to many, and name topic groups such as payments), then the reply guidelines', then the general ones.
     */
    String topicWords(String language, String topic) {
        Sections own = files.promptSections(language(language) + "/incident.txt");
        Sections s = replies.forLanguage(language);
        for (List<String> words : List.of(own.get("topic:" + topic), s.get("topic:" + topic), own.get("topic:general"), s.get("topic:general"))) {
            if (!words.isEmpty()) {
                return words.get(0);
            }
        }
        return topic;
    }

    private String compose(String language, String kind, UUID seed, int attempt, String... values) {
        return composition(language(language), values).compose(kind, new Random(seed.hashCode()), attempt);
    }

    private Composition composition(String language, String... values) {
        Composition c = new Composition(files.promptSections(language + "/incident.txt"));
        for (int i = 0; i < values.length; i += 2) {
            c.with(values[i], values[i + 1]);
        }
        return c;
    }
}
