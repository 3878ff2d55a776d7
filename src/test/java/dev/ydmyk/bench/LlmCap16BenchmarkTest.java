package dev.ydmyk.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** The LLM drafter at 20 complaints/s with at most 16 model calls at once. */
@QuarkusTest
@Tag("benchmark")
@TestProfile(LlmCap16BenchmarkTest.Cap.class)
class LlmCap16BenchmarkTest extends LlmBenchmark {

    public static class Cap extends LlmBenchmark.Profile {
        @Override
        int cap() {
            return 16;
        }
    }

    @Override
    int cap() {
        return 16;
    }
}
