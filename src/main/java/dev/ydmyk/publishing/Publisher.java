package dev.ydmyk.publishing;

/**
 * Puts an approved message where the customer will see it. Throwing means "not published yet": the
 * message is kept and tried again with backoff ({@link PublishLater}: after the delay it asks for;
 * {@link CannotPublish}: never again, marked failed). {@code reply.attempts()} tells whether an earlier
 * attempt may have succeeded unseen; a publisher must then find out before publishing again, so
 * that a message goes out once. Whatever id it sends along is {@code reply.messageId()}'s, never shared.
 */
public interface Publisher {

    /** @return the id the message got where it was published, if it has one */
    String publish(OutgoingReply reply) throws Exception;

    default boolean handles(String source) {
        return true;
    }
}
