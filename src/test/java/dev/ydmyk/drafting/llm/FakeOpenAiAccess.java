package dev.ydmyk.drafting.llm;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Lets the benchmarks (another package) reach the fake model. */
public final class FakeOpenAiAccess {

    private FakeOpenAiAccess() {
    }

    public static WireMockServer server() {
        return FakeOpenAi.server;
    }

    public static Class<FakeOpenAi> resource() {
        return FakeOpenAi.class;
    }
}
