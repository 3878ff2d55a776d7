package dev.ydmyk.drafting.llm;

import java.util.List;

/** What the model must return: structured, not free text parsed by hand. */
public record ModelReply(String reply, String language, List<String> moves, List<String> promises) {
}
