package dev.ydmyk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second reading of a post's kind, learnt from labelled posts ({@code config/triage/examples.jsonl}, one JSON object a line
 * with {@code text} and {@code kind}): multinomial naive Bayes over the lower-cased words, word pairs and three- to
 * five-character pieces of the text (spaces too), the classic first model for short texts. The word lists see what they were told to look
 * for; this sees how spam and questions are put across the five languages, and misses praise and irony they catch. So
 * {@link Triager} lets it decide only where the lists found little: spam where they found nothing at all, a question where
 * they read one as a complaint on little evidence (README, "Judgment").
 */
final class LearntReading {

    /** Additive smoothing: small, as the features are many and each example short. */
    private static final double ALPHA = 0.3;
    private static final Pattern TOKEN = Pattern.compile("\\w+|[!?]+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private static final Kind[] KINDS = Kind.values();

    /** Each kind's share of the examples (every kind has some), by its ordinal. */
    private final double[] logPrior = new double[KINDS.length];
    /**
     * Every feature the examples had, as a 64-bit hash, sorted; beside it, per feature, the log-likelihood under each kind
     * ({@code KINDS.length} floats a feature). 2.3 MB for the 95,832 features of 930 examples, where a map of the features'
     * strings holds 11.4 MB (BENCHMARKS.md, "The learnt reading in the triage").
     */
    private final long[] keys;
    private final float[] logLikelihood;
    private final int examples;

    private LearntReading(List<Example> taught) {
        int k = KINDS.length;
        int[] perKind = new int[k];
        long[] totals = new long[k];
        Map<Long, int[]> counts = new HashMap<>();
        for (Example e : taught) {
            int kind = e.kind().ordinal();
            perKind[kind]++;
            for (String f : features(e.text())) {
                counts.computeIfAbsent(key(f), x -> new int[k])[kind]++;
                totals[kind]++;
            }
        }
        this.examples = taught.size();
        int vocabulary = counts.size();
        for (int kind = 0; kind < k; kind++) {
            logPrior[kind] = Math.log((double) perKind[kind] / examples);
        }
        this.keys = counts.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        this.logLikelihood = new float[keys.length * k];
        for (int i = 0; i < keys.length; i++) {
            int[] c = counts.get(keys[i]);
            for (int kind = 0; kind < k; kind++) {
                logLikelihood[i * k + kind] = (float) Math.log((c[kind] + ALPHA) / (totals[kind] + ALPHA * vocabulary));
            }
        }
    }

    /** One labelled post. */
    record Example(String text, Kind kind) {
    }

    /**
     * Taught from the JSON lines given (blank lines and lines without a known kind are skipped); empty unless every kind has
     * an example (without one, the others' probabilities say nothing about it).
     */
    static Optional<LearntReading> from(String jsonLines, ObjectMapper json) {
        return of(jsonLines.lines().filter(l -> !l.isBlank()).map(l -> example(l, json)).flatMap(Optional::stream).toList());
    }

    static Optional<LearntReading> of(List<Example> taught) {
        boolean everyKind = taught.stream().map(Example::kind).distinct().count() == KINDS.length;
        return everyKind ? Optional.of(new LearntReading(taught)) : Optional.empty();
    }

    private static Optional<Example> example(String line, ObjectMapper json) {
        try {
            JsonNode n = json.readTree(line);
            String text = n.path("text").asText("");
            Kind kind = Kind.of(n.path("kind").asText(""));
            return text.isBlank() ? Optional.empty() : Optional.of(new Example(text, kind));
        } catch (Exception e) { // not JSON, or no kind we know
            return Optional.empty();
        }
    }

    int examples() {
        return examples;
    }

    /** The probability of each kind, given the post. */
    Map<Kind, Double> posterior(String text) {
        int k = KINDS.length;
        double[] log = logPrior.clone();
        for (String f : features(text)) {
            int i = Arrays.binarySearch(keys, key(f));
            // A feature no example had says nothing of the kind. Smoothing alone would make it likelier under the kind whose
            // examples said least (spam, by a factor of five a feature), and a post of words the examples never had spam.
            if (i < 0) {
                continue;
            }
            for (int kind = 0; kind < k; kind++) {
                log[kind] += logLikelihood[i * k + kind];
            }
        }
        double top = Arrays.stream(log).max().orElseThrow();
        double z = Arrays.stream(log).map(v -> Math.exp(v - top)).sum();
        Map<Kind, Double> p = new EnumMap<>(Kind.class);
        for (Kind kind : KINDS) {
            p.put(kind, Math.exp(log[kind.ordinal()] - top) / z);
        }
        return p;
    }

    /** A feature's 64-bit FNV-1a hash: two features of the examples sharing one is as good as impossible. */
    static long key(String feature) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < feature.length(); i++) {
            h ^= feature.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The kind it finds likeliest, with its probability. */
    Map.Entry<Kind, Double> likeliest(String text) {
        return posterior(text).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    }

    /** What the post has (each counted once): its words, word pairs, and three- to five-character pieces across word boundaries. */
    static Set<String> features(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        Set<String> f = new HashSet<>();
        Matcher m = TOKEN.matcher(t);
        String previous = null;
        while (m.find()) {
            String w = m.group();
            f.add("w:" + w);
            if (previous != null) {
                f.add("b:" + previous + "_" + w);
            }
            previous = w;
        }
        String s = " " + SPACE.matcher(t).replaceAll(" ") + " ";
        int[] cps = s.codePoints().toArray();
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                f.add("c" + n + ":" + new String(cps, i, n));
            }
        }
        return f;
    }
}
