package dev.ydmyk.drafting;

import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Sections;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The reply wording per language, from {@code prompts/<lang>/reply.txt}. */
@ApplicationScoped
public class ReplyGuidelines {

    private final GuidelineFiles files;
    private final Map<String, Sections> byLanguage = new ConcurrentHashMap<>();

    public ReplyGuidelines(GuidelineFiles files) {
        this.files = files;
    }

    public Sections forLanguage(String language) {
        return byLanguage.computeIfAbsent(language, l -> files.promptSections(l + "/reply.txt"));
    }

    public boolean has(String language) {
        return !forLanguage(language).all().isEmpty();
    }
}
