package dev.ydmyk.drafting.llm;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Lets the benchmarks (another package) reach the fake model. */
public final class FakeOpenAiAccess {

    private FakeOpenAiAccess() {
    }

    public static WireMockServer server() {
        return FakeOpenAi.server;
    }

    /** A chat-completions body whose content is the structured reply {@code text} in {@code language}. */
    public static String completion(String text, String language) {
        return FakeOpenAi.completion(FakeOpenAi.reply(text, language));
    }

    public static Class<FakeOpenAi> resource() {
        return FakeOpenAi.class;
    }
}
