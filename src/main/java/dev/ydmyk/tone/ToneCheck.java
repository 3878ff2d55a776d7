package dev.ydmyk.tone;

import dev.ydmyk.config.ReplyLanguage;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Phrases;
import dev.ydmyk.guidelines.Sections;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads any reply (a draft or an agent's edit) against the guidelines: which moves it makes and
 * what it must not do. The phrase lists are in {@code prompts/<lang>/tone-check.txt}; the rules
 * that need no words (capitals, money, links, contact details, quoting) are here.
 */
@ApplicationScoped
public class ToneCheck {

    public static final List<String> MOVES = List.of("acknowledge", "apologise", "fix", "report-back", "thanks");
    private static final List<String> WORDED_RULES = List.of("blame", "shame", "defensive", "sarcasm", "compensation");
    private static final Map<String, String> MESSAGES = Map.of(
            "blame", "Blames the customer",
            "shame", "Shames or belittles the customer",
            "defensive", "Defensive or legalistic wording",
            "sarcasm", "Sarcastic",
            "compensation", "Offers compensation that only a person may decide on");

    // Every pattern reads in linear time: a run can only start where the previous character could not
    // belong to it (lookbehind), runs are single character classes (no group repeated per character,
    // which overflows the stack), and amounts are at most 40 characters long.
    private static final Pattern MONEY = Pattern.compile(
            "(?i)(?:[$€£]\\s?\\d[\\d\\s.,]{0,40}|(?<![\\d.,]|[\\d.,]\\s)\\d[\\d\\s.,]{0,40}\\s?(?:kr\\.?|kroner|kronor|nok|dkk|sek|eur|euro|euros|usd|dollars?|pounds?|,-)(?![\\p{L}]))");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)([^\\s/]+)\\S*");
    private static final Pattern BARE_DOMAIN = Pattern.compile("(?i)(?<![@\\p{L}\\p{N}.-])([a-z0-9-]+\\.(?:[a-z0-9.-]*\\.)?(?:com|no|dk|se|net|org|io|eu|info|biz|ly))(?:/\\S*)?(?![\\p{L}])");
    private static final Pattern EMAIL = Pattern.compile("(?i)(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[a-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{N}])\\+?\\(?\\d[\\d ()\\-]{6,}\\d(?![\\p{N}])");
    private static final Pattern CAPS_WORD = Pattern.compile("(?<![\\p{L}])\\p{Lu}{4,}(?![\\p{L}])");
    private static final Pattern QUOTED = Pattern.compile("[\"“”«»„]([^\"“”«»„]{3,200})[\"“”«»„]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int QUOTE_RUN = 6;
    private static final int MAX_QUOTED_PASSAGES = 50;

    private final Map<String, Map<String, Phrases>> lexicons = new HashMap<>();
    private final YdmykConfig config;

    public ToneCheck(GuidelineFiles files, YdmykConfig config) {
        this.config = config;
        for (String lang : ReplyLanguage.codes()) {
            load(files, lang);
        }
    }

    private void load(GuidelineFiles files, String lang) {
        Sections s = files.promptSections(lang + "/tone-check.txt");
        if (s.all().isEmpty()) {
            return;
        }
        Map<String, Phrases> lists = new HashMap<>();
        s.all().forEach((name, lines) -> lists.put(name, Phrases.of(lines)));
        lexicons.put(lang, lists);
    }

    /**
     * @param text      the reply
     * @param language  the reply's language (moves are read in it; warnings in every language)
     * @param complaint the customer's post, to catch their words quoted back at them (may be null)
     */
    public ToneReport check(String text, String language, String complaint) {
        Map<String, Phrases> own = lexicons.getOrDefault(language, lexicons.getOrDefault("en", Map.of()));
        Map<String, Phrases> english = lexicons.getOrDefault("en", Map.of());

        List<String> moves = new ArrayList<>();
        for (String move : MOVES) {
            Phrases p = own.get(move);
            if (p != null && p.any(text)) {
                moves.add(move);
            }
        }

        List<Finding> findings = new ArrayList<>();
        boolean compensationAllowed = config.compensation().allowed();
        for (String rule : WORDED_RULES) {
            if (rule.equals("compensation") && compensationAllowed) {
                continue;
            }
            Set<String> found = new LinkedHashSet<>();
            // Harmful words are looked for in every language we know: "din egen feil" is no better in a Danish reply.
            for (Map<String, Phrases> lex : lexicons.values()) {
                Phrases p = lex.get(rule);
                if (p != null) {
                    p.find(text).forEach(m -> found.add(m.found()));
                }
            }
            if (!found.isEmpty()) {
                findings.add(new Finding(rule, MESSAGES.get(rule), String.join(", ", found)));
            }
        }
        caps(text, findings);
        money(text, findings, compensationAllowed);
        contacts(text, findings);
        if (complaint != null && !complaint.isBlank()) {
            quotes(text, complaint, findings);
        }
        return new ToneReport(List.copyOf(moves), List.copyOf(findings));
    }

    private static void caps(String text, List<Finding> findings) {
        Matcher m = CAPS_WORD.matcher(text);
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(m.group());
        }
        long letters = text.chars().filter(Character::isLetter).count();
        long upper = text.chars().filter(Character::isUpperCase).count();
        if (words.size() >= 2 || (letters >= 20 && upper * 3 > letters)) {
            findings.add(new Finding("all-caps", "Shouts in capital letters", String.join(" ", words)));
        }
    }

    private void money(String text, List<Finding> findings, boolean compensationAllowed) {
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            String amount = m.group().strip();
            long value = parseAmount(amount);
            if (!compensationAllowed || value > config.compensation().maxAmount()) {
                findings.add(new Finding("money", compensationAllowed
                        ? "Names an amount above the configured maximum of " + config.compensation().maxAmount()
                        : "Names a money amount; compensation is not allowed in replies", amount));
                return;
            }
        }
    }

    private static long parseAmount(String amount) {
        String digits = amount.replaceAll("[^0-9.,]", "");
        digits = digits.replaceAll("[.,]\\d{1,2}$", "").replaceAll("[.,]", "");
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void contacts(String text, List<Finding> findings) {
        Set<String> allowedHosts = lower(config.tone().allowedLinks().orElse(List.of()));
        String withoutEmails = EMAIL.matcher(text).replaceAll(" ");
        Matcher link = LINK.matcher(withoutEmails);
        while (link.find()) {
            if (!hostAllowed(link.group(1), allowedHosts)) {
                findings.add(new Finding("link", "Contains a link that is not on the allow-list", link.group()));
            }
        }
        Matcher bare = BARE_DOMAIN.matcher(LINK.matcher(withoutEmails).replaceAll(" "));
        while (bare.find()) {
            if (!hostAllowed(bare.group(1), allowedHosts)) {
                findings.add(new Finding("link", "Contains a web address that is not on the allow-list", bare.group()));
            }
        }
        Set<String> allowedEmails = lower(config.tone().allowedEmails().orElse(List.of()));
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            if (!allowedEmails.contains(email.group().toLowerCase(Locale.ROOT))) {
                findings.add(new Finding("email", "Contains an e-mail address that is not on the allow-list", email.group()));
            }
        }
        Set<String> allowedPhones = new LinkedHashSet<>();
        config.tone().allowedPhones().orElse(List.of()).forEach(p -> allowedPhones.add(p.replaceAll("\\D", "")));
        Matcher phone = PHONE.matcher(MONEY.matcher(text).replaceAll(" "));
        while (phone.find()) {
            String digits = phone.group().replaceAll("\\D", "");
            if (digits.length() >= 8 && !allowedPhones.contains(digits)) {
                findings.add(new Finding("phone", "Contains a phone number that is not on the allow-list", phone.group().strip()));
            }
        }
    }

    private static boolean hostAllowed(String host, Set<String> allowed) {
        String h = host.toLowerCase(Locale.ROOT).replaceAll("[.,;:!?)]+$", "");
        for (String a : allowed) {
            if (h.equals(a) || h.endsWith("." + a)) {
                return true;
            }
        }
        return false;
    }

    private static void quotes(String text, String complaint, List<Finding> findings) {
        List<String> reply = words(text);
        List<String> post = words(complaint);
        // The post's runs of six words, looked up by hash: linear, however long reply and post are.
        Set<String> postRuns = new HashSet<>();
        for (int i = 0; i + QUOTE_RUN <= post.size(); i++) {
            postRuns.add(String.join(" ", post.subList(i, i + QUOTE_RUN)));
        }
        for (int i = 0; i + QUOTE_RUN <= reply.size(); i++) {
            String run = String.join(" ", reply.subList(i, i + QUOTE_RUN));
            if (postRuns.contains(run)) {
                findings.add(new Finding("quote", "Quotes the customer's own words back at them", run));
                return;
            }
        }
        String postJoined = " " + String.join(" ", post) + " ";
        Matcher q = QUOTED.matcher(text);
        // A real reply quotes a few passages; a text of hundreds of them must not cost a search of the post each.
        for (int n = 0; n < MAX_QUOTED_PASSAGES && q.find(); n++) {
            List<String> quoted = words(q.group(1));
            if (quoted.size() >= 2 && postJoined.contains(" " + String.join(" ", quoted) + " ")) {
                findings.add(new Finding("quote", "Quotes the customer's own words back at them", q.group()));
                return;
            }
        }
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Set<String> lower(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.addAll(Arrays.asList(v.toLowerCase(Locale.ROOT).split("\\s*,\\s*"))));
        out.remove("");
        return out;
    }
}
