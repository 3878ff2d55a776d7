package dev.ydmyk.drafting.llm;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Tokens in and out of the model, and the prompt tokens the provider served from its cache. */
@ApplicationScoped
public class ModelUsageMeter implements ChatModelListener {

    private final MeterRegistry metrics;

    public ModelUsageMeter(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onResponse(ChatModelResponseContext ctx) {
        TokenUsage usage = ctx.chatResponse().tokenUsage();
        if (usage == null) {
            return;
        }
        if (usage.inputTokenCount() != null) {
            metrics.counter("ydmyk.llm.tokens", "direction", "in").increment(usage.inputTokenCount());
        }
        if (usage.outputTokenCount() != null) {
            metrics.counter("ydmyk.llm.tokens", "direction", "out").increment(usage.outputTokenCount());
        }
        if (usage instanceof OpenAiTokenUsage o && o.inputTokensDetails() != null && o.inputTokensDetails().cachedTokens() != null) {
            metrics.counter("ydmyk.llm.tokens", "direction", "in-cached").increment(o.inputTokensDetails().cachedTokens());
        }
    }
}
