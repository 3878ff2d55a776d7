package dev.ydmyk.drafting;

import dev.ydmyk.guidelines.Sections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a text from a support lead's wording: a {@code [compose:KIND]} section lists the parts in
 * order ({@code |part} in a paragraph of its own); each part has variants, one picked per text.
 * A variant is usable only when every placeholder it names has a value; of the usable ones, those
 * naming most of {@code {name}}, {@code {detail}} and {@code {staff}} are preferred: personal beats generic. {@code {agent}} stays for
 * the approving agent's signature.
 */
public final class Composition {

    private static final List<String> PERSONAL = List.of("{name}", "{detail}", "{staff}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

    private final Sections wording;
    private final Map<String, String> values = new HashMap<>();
    private Set<String> styles = Set.of();

    public Composition(Sections wording) {
        this.wording = wording;
    }

    /** Sets a placeholder; a null or blank value leaves it unknown, so variants that need it are not picked. */
    public Composition with(String placeholder, String value) {
        if (value != null && !value.isBlank()) {
            values.put(placeholder, value.strip());
        } else {
            values.remove(placeholder);
        }
        return this;
    }

    /**
     * Styles asked for in a redraft hint ("shorter", "formal", "warmer", "no-apology"): a section
     * {@code [part@style]} or {@code [compose:kind@style]} stands in for its plain one where the wording
     * has it; "shorter" also picks the shortest variant.
     */
    public Composition styled(Set<String> wanted) {
        this.styles = Set.copyOf(wanted);
        return this;
    }

    private List<String> section(String name) {
        for (String style : styles) {
            if (wording.has(name + "@" + style)) {
                return wording.get(name + "@" + style);
            }
        }
        return wording.get(name);
    }

    public boolean has(String kind) {
        return !section("compose:" + kind).isEmpty();
    }

    /** One variant of a section, filled in; empty if the section has no usable variant. */
    public String part(String section, Random random, int attempt) {
        return fill(choose(section(section), random, attempt));
    }

    /** The whole text for {@code kind}; variants picked by {@code random}, rotated by {@code attempt} so a redraft differs. */
    public String compose(String kind, Random random, int attempt) {
        List<String> parts = section("compose:" + kind);
        if (parts.isEmpty()) {
            throw new IllegalStateException("No [compose:" + kind + "] section in the wording");
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : parts) {
            for (String part : line.split("\\s+")) {
                boolean ownParagraph = part.startsWith("|");
                String sentence = part(ownParagraph ? part.substring(1) : part, random, attempt);
                if (sentence.isEmpty()) {
                    continue;
                }
                if (ownParagraph) {
                    if (!body.isEmpty()) {
                        paragraphs.add(body.toString());
                        body.setLength(0);
                    }
                    paragraphs.add(sentence);
                } else {
                    body.append(body.isEmpty() ? "" : " ").append(sentence);
                }
            }
        }
        if (!body.isEmpty()) {
            paragraphs.add(body.toString());
        }
        return String.join("\n\n", paragraphs).replace("\\n", "\n");
    }

    private String choose(List<String> variants, Random random, int attempt) {
        List<String> best = new ArrayList<>();
        int bestScore = -1;
        for (String variant : variants) {
            if (!usable(variant)) {
                continue;
            }
            int score = personal(variant);
            if (score > bestScore) {
                best.clear();
                bestScore = score;
            }
            if (score == bestScore) {
                best.add(variant);
            }
        }
        if (best.isEmpty()) {
            return "";
        }
        if (styles.contains("shorter")) {
            return best.stream().min(Comparator.comparingInt(String::length)).orElseThrow();
        }
        return best.get((random.nextInt(best.size()) + attempt) % best.size());
    }

    /** How much of the customer's own post a variant names: their name, the thing, the person they thank. */
    private static int personal(String variant) {
        int n = 0;
        for (String p : PERSONAL) {
            n += variant.contains(p) ? 1 : 0;
        }
        return n;
    }

    private boolean usable(String variant) {
        Matcher m = PLACEHOLDER.matcher(variant);
        while (m.find()) {
            String key = m.group(1);
            if (!key.equals("agent") && !values.containsKey(key)) {
                return false;
            }
        }
        return true;
    }

    private String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString().strip();
    }
}
