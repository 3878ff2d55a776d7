package dev.ydmyk.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.HeaderTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * One IMAP connection to the watched mailbox (Jakarta Mail / Angus Mail). Message bodies are read
 * with BODY.PEEK, so reading never marks a message seen: {@link #poll} marks each one seen only
 * after the {@link Taker} has committed it. A message whose taking fails stays unseen and is
 * offered again on the next poll.
 */
final class Mailbox implements AutoCloseable {

    /** Commits one message; throwing leaves it unseen in the mailbox. */
    interface Taker {
        void take(IncomingMail mail) throws Exception;
    }

    record Settings(String host, int port, boolean tls, Optional<String> trust, String user, String password, String folder,
                    Optional<String> sentFolder, Duration timeout, String ownAddress) {
    }

    private static final Logger LOG = Logger.getLogger(Mailbox.class);
    /** Messages taken per poll at most; the rest follow on the next poll. */
    static final int BATCH = 200;
    /** Messages up to this size are fetched whole, a batch in one command; larger ones part by part. */
    static final int PREFETCH_LIMIT = 512 * 1024;

    private final Settings settings;
    private final Session session;
    private Store store;
    private Folder folder;

    Mailbox(Settings settings, Duration readTimeout) {
        this.settings = settings;
        String protocol = settings.tls() ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".host", settings.host());
        p.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        p.put("mail." + protocol + ".connectiontimeout", String.valueOf(settings.timeout().toMillis()));
        p.put("mail." + protocol + ".timeout", String.valueOf(readTimeout.toMillis()));
        p.put("mail." + protocol + ".writetimeout", String.valueOf(settings.timeout().toMillis()));
        // BODY.PEEK: reading a message must not mark it \Seen before it is committed.
        p.put("mail." + protocol + ".peek", "true");
        if (!settings.tls()) {
            p.put("mail.imap.starttls.enable", "true");
        }
        if (settings.trust().isPresent()) {
            // An operator's explicit choice for a self-signed company server: its certificate is taken as it is.
            p.put("mail." + protocol + ".ssl.trust", settings.trust().get());
            p.put("mail." + protocol + ".ssl.checkserveridentity", "false");
        } else {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        p.put("mail.mime.base64.ignoreerrors", "true");
        p.put("mail.mime.address.strict", "false");
        p.put("mail.mime.decodetext.strict", "false");
        p.put("mail.mime.parameters.strict", "false");
        this.session = Session.getInstance(p);
    }

    /**
     * Hands every unseen message to the taker, oldest first, and marks the taken ones seen (in one
     * STORE per batch, also when a later message fails). Messages up to {@link #PREFETCH_LIMIT} are
     * fetched whole in one command per batch; larger ones (big attachments) are read part by part,
     * so only their text parts travel.
     */
    synchronized int poll(Taker taker) throws Exception {
        Folder f = open();
        Message[] unseen = f.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        if (unseen.length == 0) {
            return 0;
        }
        Message[] batch = unseen.length > BATCH ? Arrays.copyOf(unseen, BATCH) : unseen;
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.HEADERS);
        f.fetch(batch, profile);
        Message[] small = Arrays.stream(batch).filter(m -> size(m) <= PREFETCH_LIMIT).toArray(Message[]::new);
        if (small.length > 0) {
            FetchProfile whole = new FetchProfile();
            whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
            f.fetch(small, whole);
        }
        List<Message> taken = new ArrayList<>();
        try {
            for (Message message : batch) {
                if (message.isExpunged()) {
                    continue;
                }
                IncomingMail mail;
                try {
                    mail = MailParser.parse((MimeMessage) message, settings.ownAddress());
                } catch (Exception | StackOverflowError e) {
                    mail = unreadable(f, message, e);
                }
                taker.take(mail);
                taken.add(message);
            }
        } finally {
            if (!taken.isEmpty()) {
                f.setFlags(taken.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
            }
        }
        return taken.size();
    }

    private static int size(Message m) {
        try {
            return m.getSize();
        } catch (MessagingException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Waits (IMAP IDLE) until the server tells of a change in the folder. False if the server does not offer IDLE. */
    boolean idle() throws MessagingException {
        Folder f;
        synchronized (this) {
            f = open();
            if (!((IMAPStore) store).hasCapability("IDLE")) {
                return false;
            }
        }
        ((IMAPFolder) f).idle(true);
        return true;
    }

    /** True if the sent folder holds a message with this Message-ID. */
    synchronized boolean sent(String messageId) throws MessagingException {
        Optional<Folder> sent = sentFolder();
        if (sent.isEmpty()) {
            return false;
        }
        Folder f = sent.get();
        try {
            f.open(Folder.READ_ONLY);
            return f.search(new HeaderTerm("Message-ID", messageId)).length > 0;
        } finally {
            if (f.isOpen()) {
                f.close(false);
            }
        }
    }

    /** Keeps a copy of a reply in the sent folder, if one is configured. */
    synchronized void keepCopy(MimeMessage message) throws MessagingException {
        Optional<Folder> sent = sentFolder();
        if (sent.isPresent()) {
            message.setFlag(Flags.Flag.SEEN, true);
            sent.get().appendMessages(new Message[]{message});
        }
    }

    Session session() {
        return session;
    }

    private Optional<Folder> sentFolder() throws MessagingException {
        if (settings.sentFolder().isEmpty()) {
            return Optional.empty();
        }
        connect();
        Folder f = store.getFolder(settings.sentFolder().get());
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
        return Optional.of(f);
    }

    private Folder open() throws MessagingException {
        connect();
        if (folder == null || !folder.isOpen()) {
            folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
        }
        return folder;
    }

    private void connect() throws MessagingException {
        if (store == null || !store.isConnected()) {
            folder = null;
            store = session.getStore();
            store.connect(settings.host(), settings.port(), settings.user(), settings.password());
        }
    }

    private static IncomingMail unreadable(Folder f, Message message, Throwable e) throws MessagingException {
        String id = null;
        try {
            String[] h = message.getHeader("Message-ID");
            List<String> ids = h == null ? List.of() : MailParser.ids(h[0]);
            id = ids.isEmpty() ? null : ids.get(0);
        } catch (Exception ignored) {
            // no usable header either
        }
        if (id == null) {
            long uid = f instanceof UIDFolder u ? u.getUID(message) : message.getMessageNumber();
            long validity = f instanceof UIDFolder u ? u.getUIDValidity() : 0;
            id = "<uid-" + validity + "-" + uid + "@" + f.getFullName() + ".ydmyk>";
        }
        LOG.warnf(e, "E-mail %s could not be read", id);
        return new IncomingMail(id, null, null, null, null, "", null, List.of(), null, List.of(),
                "unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }

    @Override
    public synchronized void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (Exception ignored) {
            // closing anyway
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (Exception ignored) {
            // closing anyway
        }
        folder = null;
        store = null;
    }
}
