package dev.ydmyk.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.guidelines.GuidelineFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the learnt reading costs (BENCHMARKS.md, "The learnt reading"): time per post beside the whole triage it is part of and
 * beside taking the post's features alone, and the heap it keeps beside the same model kept as a map of the features' strings,
 * all in one run over the evaluation's 1,540 posts. {@code ./mvnw verify -Pbench -Dtest=TriageBenchmarkTest}
 */
@QuarkusTest
@Tag("benchmark")
class TriageBenchmarkTest {

    private static final int ROUNDS = 5;

    @Inject
    Triager triager;
    @Inject
    GuidelineFiles files;

    @Test
    void theLearntReadingBesideTheWholeTriage() throws IOException {
        String examples = files.config("triage/examples.jsonl").orElseThrow();
        ObjectMapper json = new ObjectMapper();
        List<String> posts = new ArrayList<>();
        List<String> lines = new ArrayList<>(examples.lines().toList());
        try (var held = Files.list(Path.of("src/test/resources/eval"))) {
            for (Path p : held.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        for (String line : lines) {
            if (!line.isBlank()) {
                posts.add(json.readTree(line).get("text").asText());
            }
        }
        LearntReading learnt = LearntReading.from(examples, json).orElseThrow();

        double triage = perPost(posts, p -> triager.triage(p, null));
        double reading = perPost(posts, learnt::likeliest);
        double features = perPost(posts, LearntReading::features);
        double[] taught = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            LearntReading.from(examples, json).orElseThrow();
            taught[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(taught);
        long packed = retained(() -> LearntReading.from(examples, json).orElseThrow());
        long strings = retained(() -> asStrings(examples, json));

        String report = String.format(Locale.ROOT, """
                        posts: %d (the seven development parts and the five held-out parts), %d rounds each, the median round
                        whole triage (word lists, language, topics, details, learnt reading): %.3f ms a post
                        learnt reading alone: %.3f ms a post
                        reference, the post's features alone: %.3f ms a post
                        teaching from %d examples: %.0f ms (median of %d)
                        heap kept, hashed features beside float log-likelihoods: %.1f MB
                        reference, the same model as a map of the features' strings: %.1f MB
                        """, posts.size(), ROUNDS, triage, reading, features, learnt.examples(), taught[ROUNDS / 2], ROUNDS,
                packed / 1e6, strings / 1e6);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/triage-benchmark.txt"), report);
        assertEquals(1540, posts.size(), "every evaluation post was read");
    }

    /** The median round's time per post, after one round to warm up. */
    private static double perPost(List<String> posts, Consumer<String> work) {
        posts.forEach(work);
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            posts.forEach(work);
            rounds[r] = (System.nanoTime() - t0) / 1e6 / posts.size();
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    /** The heap still in use after a full collection while the built thing is held, less before it (the median of three). */
    private static long retained(Supplier<Object> build) {
        long[] kept = new long[3];
        for (int i = 0; i < kept.length; i++) {
            long before = used();
            Object held = build.get();
            kept[i] = used() - before;
            if (held.hashCode() == 42) {
                System.out.print(""); // keeps it reachable until measured
            }
        }
        Arrays.sort(kept);
        return kept[1];
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    /** The naive layout: each feature's string, mapped to its log-likelihood under each kind. */
    private static Map<String, float[]> asStrings(String examples, ObjectMapper json) {
        Map<String, float[]> model = new HashMap<>();
        examples.lines().filter(l -> !l.isBlank()).forEach(l -> {
            try {
                var post = json.readTree(l);
                int kind = Kind.of(post.get("kind").asText()).ordinal();
                LearntReading.features(post.get("text").asText()).forEach(f -> model.computeIfAbsent(f, x -> new float[4])[kind]++);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return model;
    }
}
