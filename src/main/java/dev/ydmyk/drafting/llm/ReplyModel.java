package dev.ydmyk.drafting.llm;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The model behind {@link LlmDrafter}, reached over the OpenAI protocol (OpenAI, Azure-compatible
 * gateways, vLLM, LM Studio, Ollama's /v1). Both messages are built at run time from prompts/ by
 * {@link LlmPrompt}; every answer passes {@link ReplyGuardrail} or is re-prompted. Each draft has a
 * memory of its own (the re-prompt continues that conversation), removed when the draft is done.
 */
@RegisterAiService
@ApplicationScoped
public interface ReplyModel {

    @SystemMessage("{system}")
    @UserMessage("{user}")
    @OutputGuardrails(ReplyGuardrail.class)
    ModelReply draft(@MemoryId String draftId, String system, String user);
}
