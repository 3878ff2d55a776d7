package dev.ydmyk.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;

/** The LLM drafter at 20 complaints/s with at most 4 model calls at once. */
@QuarkusTest
@Tag("benchmark")
@TestProfile(LlmCap4BenchmarkTest.Cap.class)
class LlmCap4BenchmarkTest {

    public static class Cap extends LlmBenchmark.Profile {
        @Override
        int cap() {
            return 4;
        }
    }

    @TestHTTPResource("/api/complaints")
    URI intake;
    @Inject
    AgroalDataSource ds;

    @Test
    void twentyComplaintsPerSecondWithAFakeModelAtTwoSeconds() throws Exception {
        LlmBenchmark.run(4, intake, ds);
    }
}
