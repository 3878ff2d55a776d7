package dev.ydmyk.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** The LLM drafter at 20 complaints/s with at most 64 model calls at once. */
@QuarkusTest
@Tag("benchmark")
@TestProfile(LlmCap64BenchmarkTest.Cap.class)
class LlmCap64BenchmarkTest extends LlmBenchmark {

    public static class Cap extends LlmBenchmark.Profile {
        @Override
        int cap() {
            return 64;
        }
    }

    @Override
    int cap() {
        return 64;
    }
}
