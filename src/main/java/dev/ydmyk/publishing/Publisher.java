package dev.ydmyk.publishing;

/**
 * Puts an approved reply where the customer will see it. Throwing means "not published yet": the
 * reply is kept and tried again with backoff. Implementations must be safe to call again for a
 * reply whose earlier attempt had an unknown outcome.
 */
public interface Publisher {

    void publish(OutgoingReply reply) throws Exception;
}
