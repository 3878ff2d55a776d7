package dev.ydmyk.drafting.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A local stand-in for OpenAI's chat-completions endpoint, answering in its documented wire format
 * (choices[].message.content, finish_reason, usage with prompt_tokens_details.cached_tokens).
 * Tests tell it what to answer for posts that contain a marker of their own.
 */
public class FakeOpenAi implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/v1/chat/completions";
    public static final String MODEL = "ydmyk-test-model";
    static WireMockServer server;
    private static final ObjectMapper JSON = new ObjectMapper();
    private Map<String, String> overrides = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        overrides = initArgs;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").containerThreads(300));
        server.start();
        Map<String, String> config = new HashMap<>(Map.ofEntries(
                Map.entry("ydmyk.drafter", "llm"),
                Map.entry("quarkus.langchain4j.openai.base-url", "http://127.0.0.1:" + server.port() + "/v1"),
                Map.entry("quarkus.langchain4j.openai.api-key", "test-key"),
                Map.entry("quarkus.langchain4j.openai.chat-model.model-name", MODEL),
                // 3 s, not 1: on a busy two-core CI machine a first answer from the fake took over a second, and the draft fell back.
                Map.entry("quarkus.langchain4j.openai.timeout", "3s"),
                Map.entry("ydmyk.llm.initial-backoff", "PT0.05S"),
                Map.entry("ydmyk.llm.max-backoff", "PT0.2S"),
                Map.entry("ydmyk.llm.breaker-failures", "3"),
                Map.entry("ydmyk.llm.breaker-open", "PT2S"),
                // No sweep on a timer: it redrafted one test's fallback drafts during the next test, the fake failed them
                // again, and the breaker opened under that test (a model reading went missing in a clean-clone run). The
                // test of redrafting calls FallbackRedrafter itself.
                Map.entry("ydmyk.llm.redraft-every", "24h")));
        config.putAll(overrides);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A chat completion whose message content is {@code content}, as OpenAI sends it. */
    static String completion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_763_800_000L).put("model", MODEL);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 812).put("completion_tokens", 96).put("total_tokens", 908);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 640);
        return root.toString();
    }

    /** The structured reply the prompt asks for. */
    static String reply(String text, String language) {
        ObjectNode r = JSON.createObjectNode();
        r.put("reply", text).put("language", language);
        r.putArray("moves").add("acknowledge").add("apologise").add("fix").add("report-back");
        r.putArray("promises").add("report back");
        return r.toString();
    }

    /** The structured reply with the model's own reading of the post. */
    static String replyReading(String text, String language, String kind, String severity, boolean sarcasm) {
        ObjectNode r = (ObjectNode) read(reply(text, language));
        ObjectNode reading = r.putObject("reading");
        reading.put("kind", kind).put("severity", severity).put("sarcasm", sarcasm);
        reading.putArray("topics").add("refund");
        return r.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MappingBuilder forPost(String marker) {
        return post(urlEqualTo(PATH)).withRequestBody(containing(marker));
    }

    static ResponseDefinitionBuilder answering(String content) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(completion(content));
    }

    static List<LoggedRequest> requestsFor(String marker) {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing(marker)));
    }
}
