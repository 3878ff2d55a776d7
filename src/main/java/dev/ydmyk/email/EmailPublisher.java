package dev.ydmyk.email;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.publishing.CannotPublish;
import dev.ydmyk.publishing.OutgoingReply;
import dev.ydmyk.publishing.Publisher;
import dev.ydmyk.publishing.Purpose;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sends an approved reply to an e-mailed complaint over SMTP (quarkus-mailer) from
 * {@code ydmyk.email.from}, threaded under the customer's message: {@code In-Reply-To} and
 * {@code References} name it, the subject gets "Re:". Each message's Message-ID is made from its own
 * id (a reply's is its draft's; a holding reply has its own), so a retry sends the same message and
 * two messages to one complaint never share one; after an attempt whose outcome is unknown, the sent
 * folder (when configured) is searched for it before sending again.
 */
@ApplicationScoped
public class EmailPublisher implements Publisher {

    private static final Logger LOG = Logger.getLogger(EmailPublisher.class);
    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*(re|sv|aw|vs)\\s*:", Pattern.CASE_INSENSITIVE);
    /** References keeps the first and the latest messages of a long thread (RFC 5322 3.6.4). */
    private static final int MAX_REFERENCES = 20;

    /** A Message-ID as RFC 5322 has it: {@code <left@right>} in printable ASCII, no spaces, brackets or line breaks. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]{1,500}@[\\x21-\\x3b\\x3d\\x3f-\\x7e]{1,500}>");

    private record Conversation(String messageId, String replyTo, String subject, List<String> references) {
        /** Only well-formed ids go into our headers: anything else could carry a header of its own. */
        Conversation {
            messageId = messageId != null && MESSAGE_ID.matcher(messageId).matches() ? messageId : null;
            references = references.stream().filter(r -> r != null && MESSAGE_ID.matcher(r).matches()).toList();
        }
    }

    private final YdmykConfig config;
    private final EmailMessageRepository messages;
    private final ReactiveMailer mailer;
    private final EmailWatcher watcher;
    private final InternetAddress from;

    public EmailPublisher(YdmykConfig config, EmailMessageRepository messages, ReactiveMailer mailer, EmailWatcher watcher) {
        this.config = config;
        this.messages = messages;
        this.mailer = mailer;
        this.watcher = watcher;
        try {
            this.from = config.email().from().isPresent() ? new InternetAddress(config.email().from().get(), true) : null;
        } catch (AddressException e) {
            throw new IllegalStateException("ydmyk.email.from is not an e-mail address: " + config.email().from().get(), e);
        }
    }

    @Override
    public boolean handles(String source) {
        return EmailIntake.SOURCE.equals(source) && from != null;
    }

    @Override
    public String publish(OutgoingReply reply) throws Exception {
        if (reply.purpose() == Purpose.STATEMENT) {
            // E-mail has no public page: the statement's gist reaches each customer in their acknowledgement.
            LOG.infof("Statement %s kept on its incident: e-mail has no public place to post it", reply.messageId());
            return null;
        }
        Conversation thread = thread(reply.complaintId(), reply.externalId());
        String messageId = messageId(reply.messageId());
        if (reply.attempts() > 0 && watcher.inSentFolder(messageId)) {
            LOG.infof("Reply %s was already sent (found in the sent folder after an attempt whose outcome was unknown)", messageId);
            return messageId;
        }
        String subject = subject(thread.subject());
        String references = references(thread);
        Mail mail = Mail.withText(thread.replyTo(), subject, reply.text())
                .setFrom(fromHeader())
                .addHeader("Message-ID", messageId)
                .addHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
        if (thread.messageId() != null) {
            mail.addHeader("In-Reply-To", thread.messageId()).addHeader("References", references);
        }
        mailer.send(mail).await().atMost(config.email().sendTimeout());
        if (watcher.keepsCopies()) {
            try {
                watcher.keepCopy(copy(messageId, thread, subject, references, reply.text()));
            } catch (Exception e) {
                LOG.warnf("Reply %s was sent, but its copy could not be kept in the sent folder: %s", messageId, e.toString());
            }
        }
        LOG.infof("Reply to complaint %s e-mailed to %s as %s", reply.complaintId(), thread.replyTo(), messageId);
        return messageId;
    }

    /**
     * The From address as the Vert.x mail encoder wants it: a display name unquoted and unencoded
     * (it encodes non-ASCII names itself; a quoted or pre-encoded name would arrive with its quotes).
     */
    String fromHeader() {
        String name = from.getPersonal();
        return name == null || name.isBlank() ? from.getAddress() : name.replaceAll("[\"<>,;:\\\\]", " ").strip() + " <" + from.getAddress() + ">";
    }

    /** {@code <ydmyk.<message>@<our domain>>}: the same for every attempt at one message. */
    String messageId(UUID message) {
        String address = from.getAddress();
        return "<ydmyk." + Objects.requireNonNull(message, "a message without its id") + "@"
                + address.substring(address.indexOf('@') + 1) + ">";
    }

    static String subject(String original) {
        // A customer's subject goes into our header: line breaks (from an encoded word) must not start a header of their own.
        String s = original == null ? "" : original.replaceAll("[\\r\\n\\t\\x00-\\x1F\\x7F]+", " ").strip();
        if (s.isEmpty()) {
            return "Re:";
        }
        return REPLY_PREFIX.matcher(s).find() ? s : "Re: " + s;
    }

    private static String references(Conversation t) {
        List<String> refs = new ArrayList<>(t.references());
        refs.remove(t.messageId());
        refs.add(t.messageId());
        if (refs.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>(refs.subList(0, 1));
            kept.addAll(refs.subList(refs.size() - (MAX_REFERENCES - 1), refs.size()));
            refs = kept;
        }
        return String.join(" ", refs);
    }

    private MimeMessage copy(String messageId, Conversation t, String subject, String references, String text) throws Exception {
        MimeMessage m = new MimeMessage(watcher.session()) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(t.replyTo()));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date());
        m.setText(text, "UTF-8");
        if (t.messageId() != null) {
            m.setHeader("In-Reply-To", t.messageId());
            m.setHeader("References", references);
        }
        m.saveChanges();
        return m;
    }

    /** Where and under what the reply goes; a complaint posted through the JSON API as "email" has only the author's address. */
    private Conversation thread(UUID complaintId, String externalId) throws CannotPublish {
        Optional<Conversation> t = messages.thread(complaintId).flatMap(m -> {
            if (m.messageId() != null) {
                return Optional.of(new Conversation(m.messageId(), m.replyTo(), m.subject(), m.references()));
            }
            String handle = m.authorHandle();
            return handle != null && handle.contains("@")
                    ? Optional.of(new Conversation(externalId.startsWith("<") ? externalId : null, handle, null, List.of()))
                    : Optional.empty();
        });
        return t.orElseThrow(() -> new CannotPublish("Complaint " + complaintId + " has no e-mail address to answer"
                + " (post e-mailed complaints with author.handle set to the sender's address)"));
    }
}
