package dev.ydmyk.drafting.llm;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ydmyk.drafting.DraftRequest;
import dev.ydmyk.drafting.DraftText;
import dev.ydmyk.intake.Complaint;
import dev.ydmyk.triage.Triager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.ydmyk.drafting.llm.FakeOpenAi.answering;
import static dev.ydmyk.drafting.llm.FakeOpenAi.forPost;
import static dev.ydmyk.drafting.llm.FakeOpenAi.reply;
import static dev.ydmyk.drafting.llm.FakeOpenAi.requestsFor;
import static dev.ydmyk.drafting.llm.FakeOpenAi.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fault-tolerance guard around the model: the cap on calls under way (ydmyk.llm.max-concurrent, 4 by default). */
@QuarkusTest
@TestProfile(LlmProfile.class)
class ModelGuardTest {

    private static final long MODEL_DELAY_MS = 600;

    @Inject
    LlmDrafter llm;
    @Inject
    Triager triager;
    @Inject
    CircuitBreaker breaker;

    @BeforeEach
    void closeCircuit() {
        breaker.success();
    }

    @Test
    void noMoreThanMaxConcurrentModelCallsAreUnderWayAndTheRestWaitTheirTurn() throws Exception {
        String m = LlmDrafterTest.marker();
        server.stubFor(forPost(m).willReturn(answering(reply(LlmDrafterTest.CLEAN_EN, "en")).withFixedDelay((int) MODEL_DELAY_MS)));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<DraftText>> drafts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                DraftRequest req = request("Waited 6 weeks for a refund that your agent promised would take 5 days. " + m + " " + i);
                drafts.add(pool.submit(() -> llm.draft(req)));
            }
            for (Future<DraftText> d : drafts) {
                assertEquals("llm", d.get().drafter(), "every call waited for its turn and was drafted by the model");
            }
        } finally {
            pool.shutdownNow();
        }
        List<LoggedRequest> calls = requestsFor(m);
        assertEquals(10, calls.size());
        int most = 0;
        for (LoggedRequest a : calls) {
            long from = a.getLoggedDate().getTime();
            int underWay = (int) calls.stream().map(b -> b.getLoggedDate().getTime())
                    .filter(t -> t >= from && t < from + MODEL_DELAY_MS - 100).count();
            most = Math.max(most, underWay);
        }
        assertTrue(most <= 4, most + " model calls were under way at once; the cap is 4");
        assertTrue(most >= 2, "calls ran side by side (" + most + ")");
    }

    private DraftRequest request(String text) {
        Complaint complaint = new Complaint(UUID.randomUUID(), "twitter", "t-" + UUID.randomUUID(), "James O'Neill", null, text, null,
                null, null, Instant.now(), null, true, null, null, null, null);
        return new DraftRequest(complaint, triager.triage(text, null), "en", null, 0);
    }
}
