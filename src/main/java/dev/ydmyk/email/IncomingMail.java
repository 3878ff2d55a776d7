package dev.ydmyk.email;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One message from the mailbox as the service needs it. {@code passOver} names why it must not be
 * drafted (an auto-reply, a bounce, a mailing list, a message without any text), null for a
 * customer's message.
 */
public record IncomingMail(String messageId, String fromName, String fromAddress, String replyTo, String subject,
                           String text, String inReplyTo, List<String> references, OffsetDateTime sentAt,
                           List<String> attachments, String passOver) {

    public boolean draftable() {
        return passOver == null;
    }
}
