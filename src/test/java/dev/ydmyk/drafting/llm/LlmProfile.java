package dev.ydmyk.drafting.llm;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** Runs the service with ydmyk.drafter=llm against {@link FakeOpenAi}. */
public class LlmProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeOpenAi.class));
    }
}
