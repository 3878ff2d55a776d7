package dev.ydmyk.publishing;

import java.util.Arrays;

/**
 * Why a message goes out to a customer. Every purpose travels the same pipeline
 * ({@link PublishingService}); a new kind of outgoing message is one more value here.
 */
public enum Purpose {
    /** Out of hours, under an administrator's standing approval: "we have seen this". */
    HOLDING("holding", Outbox.Store.HOLDING, "holding-reply-sent"),
    /** The first answer, approved by an agent. */
    REPLY("reply", Outbox.Store.REPLY, "sent"),
    /** Coming back about what a reply promised. */
    REPORT_BACK("report-back", Outbox.Store.REPLY, "sent"),
    /** An incident's public statement: on Facebook a post on the page, elsewhere through the source's callback. */
    STATEMENT("statement", Outbox.Store.REPLY, "statement-published"),
    /** An incident member's personal answer, composed from the incident's wording. */
    ACKNOWLEDGEMENT("acknowledgement", Outbox.Store.REPLY, "sent");

    private final String key;
    final Outbox.Store store;
    private final String sentAction;

    Purpose(String key, Outbox.Store store, String sentAction) {
        this.key = key;
        this.store = store;
        this.sentAction = sentAction;
    }

    /** As stored in {@code draft.purpose} and sent to callbacks. */
    public String key() {
        return key;
    }

    /** The audit action recorded once the message is out. */
    String sentAction() {
        return sentAction;
    }

    public static Purpose of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No such purpose: " + key));
    }
}
