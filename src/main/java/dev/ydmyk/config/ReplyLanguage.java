package dev.ydmyk.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Ydmyk replies in, each with its own guidelines: the one list of them. */
public enum ReplyLanguage {
    NB("Norwegian Bokmål"), NN("Norwegian Nynorsk"), DA("Danish"), SV("Swedish"), EN("English");

    /** The default of {@code ydmyk.triage.default-language}. */
    public static final String DEFAULT = "nb";
    /** The default of {@code ydmyk.triage.languages}: ours, and German and Finnish, which are recognised and answered in English. */
    public static final String DETECTED = "nb,nn,da,sv,en,de,fi";

    private final String englishName;

    ReplyLanguage(String englishName) {
        this.englishName = englishName;
    }

    /** The ISO 639-1 code, as in the API and the prompts folder. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String englishName() {
        return englishName;
    }

    public static Optional<ReplyLanguage> byCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code == null ? "" : code.strip())).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ReplyLanguage::code).toList();
    }
}
