package dev.ydmyk.drafting;

import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Sections;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The reply wording per language, from {@code prompts/<lang>/reply.txt}. Asked for on every draft;
 * {@link GuidelineFiles} re-reads the file only when it has changed, so a support lead's edit applies
 * to the next draft without a restart.
 */
@ApplicationScoped
public class ReplyGuidelines {

    private final GuidelineFiles files;

    public ReplyGuidelines(GuidelineFiles files) {
        this.files = files;
    }

    public Sections forLanguage(String language) {
        return files.promptSections(language + "/reply.txt");
    }

    public boolean has(String language) {
        return !forLanguage(language).all().isEmpty();
    }
}
