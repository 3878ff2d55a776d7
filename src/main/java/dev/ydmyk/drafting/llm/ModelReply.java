package dev.ydmyk.drafting.llm;

import dev.ydmyk.drafting.ModelReading;

import java.util.List;

/** What the model must return: structured, not free text parsed by hand. */
public record ModelReply(String reply, String language, List<String> moves, List<String> promises, ModelReading reading) {
}
