package dev.ydmyk.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IMAP side against a real IMAP server (GreenMail): nothing is marked seen before it is committed. */
class MailboxTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[]{
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    private GreenMailUser support;
    private Mailbox mailbox;

    @BeforeEach
    void setUp() {
        support = greenMail.setUser("kundeservice@ydmyk.test", "kundeservice", "secret");
        mailbox = new Mailbox(new Mailbox.Settings("127.0.0.1", greenMail.getImap().getPort(), false, Optional.empty(), "kundeservice", "secret", "INBOX",
                Optional.of("Sent"), Duration.ofSeconds(10), "kundeservice@ydmyk.test"), Duration.ofSeconds(10));
    }

    static MimeMessage message(String id, String from, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(MimeMessage.RecipientType.TO, "kundeservice@ydmyk.test");
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        m.setHeader("Message-ID", id);
        return m;
    }

    private List<StoredMessage> inbox() throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(support).getMessages();
    }

    @Test
    void aMessageIsMarkedSeenOnlyAfterItWasCommitted() throws Exception {
        support.deliver(message("<one@example.no>", "Kari Nordmann <kari@example.no>", "Ordre 4411", "Pakken kom aldri."));

        Exception failure = assertThrows(IllegalStateException.class, () -> mailbox.poll(mail -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals("database down", failure.getMessage());
        assertFalse(inbox().get(0).isSet(Flags.Flag.SEEN), "reading the message (BODY.PEEK) and failing to commit it leaves it unseen");

        List<IncomingMail> taken = new ArrayList<>();
        assertEquals(1, mailbox.poll(taken::add));
        assertEquals("<one@example.no>", taken.get(0).messageId());
        assertEquals("Pakken kom aldri.", taken.get(0).text());
        assertTrue(inbox().get(0).isSet(Flags.Flag.SEEN));
        assertEquals(0, mailbox.poll(taken::add), "a seen message is not taken again");
        mailbox.close();
    }

    @Test
    void aFailureStopsThePollAndTheRestFollowOnTheNext() throws Exception {
        for (int i = 1; i <= 3; i++) {
            support.deliver(message("<m" + i + "@example.no>", "kunde" + i + "@example.no", "Klage " + i, "Klage nummer " + i));
        }
        List<String> taken = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> mailbox.poll(mail -> {
            if (mail.messageId().equals("<m2@example.no>")) {
                throw new IllegalStateException("not now");
            }
            taken.add(mail.messageId());
        }));
        assertEquals(List.of("<m1@example.no>"), taken);
        mailbox.poll(mail -> taken.add(mail.messageId()));
        assertEquals(List.of("<m1@example.no>", "<m2@example.no>", "<m3@example.no>"), taken, "oldest first, none lost");
        mailbox.close();
    }

    @Test
    void aHugeAttachmentIsListedButNotRead() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("ola@example.no"));
        m.setSubject("Video av skaden");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Se videoen: kjøleskapet lekker fortsatt etter reparasjonen.", "UTF-8");
        MimeBodyPart video = new MimeBodyPart();
        video.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[30 * 1024 * 1024], "video/mp4")));
        video.setFileName("skade.mp4");
        m.setContent(new MimeMultipart(text, video));
        m.saveChanges();
        m.setHeader("Message-ID", "<huge@example.no>");
        support.deliver(m);

        List<IncomingMail> taken = new ArrayList<>();
        mailbox.poll(taken::add);
        assertEquals("Se videoen: kjøleskapet lekker fortsatt etter reparasjonen.", taken.get(0).text());
        assertEquals(List.of("skade.mp4"), taken.get(0).attachments());
        mailbox.close();
    }

    @Test
    void theSentFolderKeepsCopiesAndFindsThemByMessageId() throws Exception {
        MimeMessage reply = message("<ydmyk.abc@ydmyk.test>", "kundeservice@ydmyk.test", "Re: Ordre", "Hei Kari");
        assertFalse(mailbox.sent("<ydmyk.abc@ydmyk.test>"));
        mailbox.keepCopy(reply);
        assertTrue(mailbox.sent("<ydmyk.abc@ydmyk.test>"));
        assertFalse(mailbox.sent("<ydmyk.other@ydmyk.test>"));
        mailbox.close();
    }

    @Test
    void idleReturnsWhenMailArrives() throws Exception {
        Mailbox idle = new Mailbox(new Mailbox.Settings("127.0.0.1", greenMail.getImap().getPort(), false, Optional.empty(), "kundeservice", "secret", "INBOX",
                Optional.empty(), Duration.ofSeconds(10), null), Duration.ofSeconds(20));
        Thread deliverer = new Thread(() -> {
            try {
                Thread.sleep(500);
                support.deliver(message("<idle@example.no>", "x@example.no", "Hei", "Ny klage"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        deliverer.start();
        long start = System.nanoTime();
        assertTrue(idle.idle(), "GreenMail offers IDLE");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15, "woken by the new message, not by the timeout");
        deliverer.join();
        idle.close();
    }
}
