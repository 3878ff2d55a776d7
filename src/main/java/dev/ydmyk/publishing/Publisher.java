package dev.ydmyk.publishing;

/**
 * Puts an approved reply where the customer will see it. Throwing means "not published yet": the
 * reply is kept and tried again with backoff ({@link PublishLater}: after the delay it asks for).
 * {@code reply.attempts()} tells whether an earlier attempt may have succeeded unseen; a publisher
 * must then find out before publishing again, so that a reply goes out once.
 */
public interface Publisher {

    /** @return the id the reply got where it was published, if it has one */
    String publish(OutgoingReply reply) throws Exception;

    default boolean handles(String source) {
        return true;
    }
}
