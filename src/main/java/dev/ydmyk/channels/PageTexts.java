package dev.ydmyk.channels;

import dev.ydmyk.guidelines.GuidelineFiles;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The channel page's words, per language, from {@code prompts/ui/<locale>.properties} beside the
 * reply guidelines (a support lead edits them like the prompts; the packaged copies fill gaps).
 * English is the base: a key missing in another language is shown in English.
 */
@ApplicationScoped
public class PageTexts {

    static final List<String> LOCALES = List.of("en", "nb", "da", "sv");

    private final GuidelineFiles files;

    public PageTexts(GuidelineFiles files) {
        this.files = files;
    }

    public Map<String, String> texts(String locale) {
        Map<String, String> out = read("en");
        if (!"en".equals(locale)) {
            out.putAll(read(locale));
        }
        return out;
    }

    private Map<String, String> read(String locale) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(files.prompt("ui/" + locale + ".properties").orElse("")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** The page's language for a tag such as {@code nb-NO}, {@code no}, {@code nn} or {@code da}, if it speaks one close enough. */
    static Optional<String> supported(String tag) {
        String lang = tag.strip().toLowerCase(Locale.ROOT).split("[-_;]")[0];
        if (lang.equals("no") || lang.equals("nn")) {
            lang = "nb";
        }
        return LOCALES.contains(lang) ? Optional.of(lang) : Optional.empty();
    }

    /** The first language in an {@code Accept-Language} header the page speaks; English otherwise. */
    static String fromBrowser(String acceptLanguage) {
        if (acceptLanguage == null) {
            return "en";
        }
        for (String part : acceptLanguage.split(",")) {
            Optional<String> s = supported(part);
            if (s.isPresent()) {
                return s.get();
            }
        }
        return "en";
    }
}
