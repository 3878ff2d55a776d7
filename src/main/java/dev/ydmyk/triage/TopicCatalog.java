package dev.ydmyk.triage;

import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Phrases;
import dev.ydmyk.guidelines.Sections;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The topic list an operator keeps in {@code config/topics.txt}: a section per topic, with
 * {@code remedy: NAME} and one {@code LANG: word, word*, ~signal, !not-inside} line per language.
 */
@ApplicationScoped
public class TopicCatalog {

    private final List<Topic> topics;

    public TopicCatalog(GuidelineFiles files) {
        this.topics = parse(files.configSections("topics.txt"));
    }

    static List<Topic> parse(Sections sections) {
        List<Topic> list = new ArrayList<>();
        sections.all().forEach((id, lines) -> {
            if (id.isEmpty()) {
                return;
            }
            String remedy = "investigate";
            String group = id;
            Map<String, Phrases> nouns = new HashMap<>();
            Map<String, Phrases> signals = new HashMap<>();
            Map<String, Phrases> exclusions = new HashMap<>();
            Map<String, Map<String, String>> forms = new HashMap<>();
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (key.equals("remedy")) {
                    remedy = value;
                } else if (key.equals("group")) {
                    group = value;
                } else {
                    List<String> named = new ArrayList<>();
                    List<String> pointers = new ArrayList<>();
                    List<String> not = new ArrayList<>();
                    Map<String, String> replyForms = new HashMap<>();
                    for (String word : value.split("\\s*,\\s*")) {
                        if (word.startsWith("~")) {
                            pointers.add(word.substring(1));
                            continue;
                        }
                        if (word.startsWith("!")) {
                            not.add(word.substring(1));
                            continue;
                        }
                        int eq = word.indexOf('=');
                        String phrase = eq < 0 ? word : word.substring(0, eq).strip();
                        if (eq >= 0) {
                            replyForms.put(phrase.toLowerCase(Locale.ROOT), word.substring(eq + 1).strip());
                        }
                        named.add(phrase);
                    }
                    forms.put(key, Map.copyOf(replyForms));
                    nouns.put(key, Phrases.of(named));
                    signals.put(key, Phrases.of(pointers));
                    exclusions.put(key, Phrases.of(not));
                }
            }
            list.add(new Topic(id, remedy, group, Map.copyOf(nouns), Map.copyOf(signals), Map.copyOf(exclusions), Map.copyOf(forms)));
        });
        return List.copyOf(list);
    }

    public List<Topic> all() {
        return topics;
    }

    /** The language whose words a post is read with: its own where the list has words for it, else {@code fallback}. */
    public String languageFor(String language, String fallback) {
        return topics.stream().anyMatch(t -> !t.nounsFor(language).isEmpty()) ? language : fallback;
    }

    /**
     * The groups of these topics ({@code group:} in topics.txt, else the topic itself): one storm about
     * card payments reads as billing in one post and banking in the next, and is still one storm.
     */
    public List<String> groupsOf(List<String> topicIds) {
        return topicIds.stream().map(id -> topics.stream().filter(t -> t.id().equals(id)).map(Topic::group).findFirst().orElse(id))
                .distinct().toList();
    }

    public String remedyOf(String topicId) {
        return topics.stream().filter(t -> t.id().equals(topicId)).map(Topic::remedy).findFirst().orElse("investigate");
    }
}
