package dev.ydmyk.email;

import com.icegreen.greenmail.store.StoredMessage;
import dev.ydmyk.Api;
import dev.ydmyk.Diagnostics;
import dev.ydmyk.drafting.ReplyGuidelines;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.schedule.CapturingChannel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.ydmyk.email.FakeMail.greenMail;
import static dev.ydmyk.email.FakeMail.support;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mailbox end to end against a real IMAP and SMTP server (GreenMail): a customer's e-mail
 * becomes a complaint and a draft, the approved reply goes back over SMTP threaded under it, once.
 */
@QuarkusTest
@TestProfile(FakeMail.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailTest {

    @Inject
    AgroalDataSource ds;
    @Inject
    EmailWatcher watcher;
    @Inject
    ComplaintRepository complaints;
    @Inject
    ReplyGuidelines guidelines;
    @Inject
    CapturingChannel channel;
    @Inject
    EmailIntake intake;

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String CUSTOMER = "kari.nordmann." + RUN + "@example.no";
    static final String FIRST = "<order-4411-" + RUN + "@example.no>";
    static final String SUBJECT = "Ordre 4411 – jakken kom aldri, nå er jeg lei";
    static String complaintId;
    static String replyMessageId;

    /** The customer writes to customer service over SMTP, as her mail client would. */
    static void send(String from, String messageId, String subject, String text, Map<String, String> headers) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipients(MimeMessage.RecipientType.TO, FakeMail.SUPPORT);
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        for (var h : headers.entrySet()) {
            m.setHeader(h.getKey(), h.getValue());
        }
        Transport.send(m);
    }

    static <T> T await(String what, Supplier<T> probe) {
        // 90 s: under a loaded CI machine an SMTP dialogue with GreenMail was seen to stall; it is given up after the
        // profile's 10 s send timeout and retried. Should it still not arrive, what the outbox and every thread were doing is printed.
        try {
            return Awaitility.await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(probe::get, value -> value != null && !Boolean.FALSE.equals(value));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + "; the outbox:" + Diagnostics.outbox() + "\nthreads:" + Diagnostics.threads(), e);
        }
    }

    String query(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String complaintFor(String messageId) {
        return query("select id::text from complaint where source = 'email' and external_id = ?", messageId);
    }

    /** What arrived in the customer's own inbox (the copy in our sent folder is not hers). */
    static List<MimeMessage> mailTo(String address) {
        try {
            var user = greenMail.getUserManager().getUserByEmail(address);
            if (user == null) {
                return List.of();
            }
            List<MimeMessage> out = new ArrayList<>();
            for (StoredMessage m : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                out.add(m.getMimeMessage());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The copies of a message in the support inbox, as the IMAP server holds them. */
    static List<StoredMessage> inSupportInbox(String messageId) {
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(support).getMessages().stream().filter(m -> {
                try {
                    String[] id = m.getMimeMessage().getHeader("Message-ID");
                    return id != null && id[0].equals(messageId);
                } catch (Exception e) {
                    return false;
                }
            }).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every copy of the message is marked \Seen. */
    static boolean seen(String messageId) {
        List<StoredMessage> copies = inSupportInbox(messageId);
        return !copies.isEmpty() && copies.stream().allMatch(m -> m.isSet(Flags.Flag.SEEN));
    }

    @Test
    @Order(1)
    void aCustomersMailBecomesADraftAndTheApprovedReplyIsThreadedUnderIt() throws Exception {
        send("Kari Nordmann <" + CUSTOMER + ">", FIRST, SUBJECT, """
                Hei,

                Jeg bestilte en vinterjakke for tre uker siden, og pakken har aldri kommet. Ingen svarer på telefonen.

                Kari

                Sendt fra min iPhone""", Map.of());

        complaintId = await("the mail taken as a complaint", () -> complaintFor(FIRST));
        JsonPath view = Api.awaitDrafts(complaintId, 1);
        assertEquals("email", view.getString("source"));
        assertEquals("Kari Nordmann", view.getString("author.name"));
        assertEquals(CUSTOMER, view.getString("author.handle"));
        assertFalse(view.getString("text").contains("iPhone"), "the signature is trimmed: " + view.getString("text"));
        assertTrue(view.getString("text").contains("vinterjakke"));
        assertEquals("nb", view.getString("triage.language"));
        String draft = view.getString("drafts[0].text");
        assertTrue(draft.contains("Kari"), "greets the customer by name: " + draft);
        assertTrue(seen(FIRST), "marked seen once committed");

        Api.approve(Api.latestDraftId(view), null).then().statusCode(200);
        MimeMessage reply = await("the reply e-mailed to the customer", () -> mailTo(CUSTOMER).stream().findFirst().orElse(null));
        assertEquals(FakeMail.SUPPORT, ((InternetAddress) reply.getFrom()[0]).getAddress());
        assertEquals("Kundeservice Sør", ((InternetAddress) reply.getFrom()[0]).getPersonal(), "a Nordic display name survives");
        assertEquals("Re: " + SUBJECT, reply.getSubject(), "Nordic letters and a dash survive");
        assertEquals(FIRST, reply.getHeader("In-Reply-To")[0]);
        assertTrue(reply.getHeader("References")[0].contains(FIRST));
        replyMessageId = reply.getHeader("Message-ID")[0];
        assertTrue(replyMessageId.matches("<ydmyk\\.[0-9a-f-]{36}@ydmyk\\.test>"), replyMessageId);
        String body = String.valueOf(reply.getContent());
        assertTrue(body.contains("Kari"), body);
        assertTrue(body.contains("Kari Nordmann") || body.contains("Kundeservice"), "signed: " + body);

        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailTo(CUSTOMER).size() == 1);
        assertEquals(1, mailTo(CUSTOMER).size(), "exactly one reply");
        assertEquals(replyMessageId, query("select external_id from reply where complaint_id = ?::uuid", complaintId));
        assertTrue(watcher.inSentFolder(replyMessageId), "a copy is kept in the sent folder");
    }

    @Test
    @Order(2)
    void aRetryAfterAnAttemptWhoseOutcomeIsUnknownDoesNotSendAgain() throws Exception {
        // The state a crash leaves between the SMTP server's "250 OK" and our commit: the attempt is
        // counted, the reply is not marked sent, and it is due again.
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update reply set sent_at = null, publish_attempts = 1, next_attempt_at = now() where complaint_id = ?::uuid")) {
            ps.setString(1, complaintId);
            assertEquals(1, ps.executeUpdate());
        }
        await("the reply marked sent again", () -> query("select sent_at from reply where complaint_id = ?::uuid", complaintId));
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> mailTo(CUSTOMER).size() == 1);
        assertEquals(1, mailTo(CUSTOMER).size(), "found in the sent folder, not sent twice");
    }

    @Test
    @Order(3)
    void theCustomersAnswerToOurReplyIsANewItemInTheSameConversation() throws Exception {
        String answer = "<answer-" + RUN + "@example.no>";
        send("Kari Nordmann <" + CUSTOMER + ">", answer, "Re: " + SUBJECT, """
                Takk for svaret, men jakken er fortsatt ikke her.

                tor. 19. nov. 2026 kl. 10:02 skrev Kundeservice <kundeservice@ydmyk.test>:
                > Hei Kari""", Map.of("In-Reply-To", replyMessageId, "References", FIRST + " " + replyMessageId));
        String id = await("the answer taken", () -> complaintFor(answer));
        assertEquals(replyMessageId, query("select parent_external_id from complaint where id = ?::uuid", id));
        assertEquals("Takk for svaret, men jakken er fortsatt ikke her.", Api.complaintView(id).getString("text"));
        var conversation = complaints.conversation(complaints.find(UUID.fromString(id)).orElseThrow(), 6);
        assertEquals(2, conversation.size(), "her first mail and our reply: " + conversation);
        assertFalse(conversation.get(0).ours());
        assertTrue(conversation.get(0).text().contains("vinterjakke"));
        assertTrue(conversation.get(1).ours());
        assertEquals("Kari Nordmann", conversation.get(1).who(), "the agent who approved our reply");
        JsonPath view = Api.complaintView(id);
        assertEquals("Re: " + SUBJECT, view.getString("email.subject"));
        assertEquals(2, view.getList("conversation").size(), "agents see the thread too");

        // The guideline drafter builds on what we promised instead of starting over.
        String draft = Api.awaitDrafts(id, 1).getString("drafts[0].text");
        var followUp = guidelines.forLanguage("nb").get("follow-up-acknowledge");
        assertTrue(followUp.stream().anyMatch(v -> draft.contains(v.split("[.{]")[0])),
                "a follow-up acknowledgement from prompts/nb/reply.txt: " + draft);
        assertTrue(guidelines.forLanguage("nb").get("acknowledge").stream().noneMatch(v -> draft.contains(v.substring(0, 20))),
                "not the first-contact wording: " + draft);

        // The approval queue shows the subject and the thread above the draft (the channel page and Slack use it).
        JsonPath queue = Api.asKari().get("/api/drafts?status=pending").then().statusCode(200).extract().jsonPath();
        Map<String, Object> card = queue.getList("findAll { it.complaintId == '" + id + "' }.complaint", Map.class).get(0);
        assertEquals("Re: " + SUBJECT, card.get("subject"));
        assertEquals(2, ((List<?>) card.get("conversation")).size(), card.toString());
    }

    @Test
    @Order(4)
    void autoRepliesAndBouncesAreRecordedButNeverDrafted() throws Exception {
        String ooo = "<ooo-" + RUN + "@example.no>";
        String bounce = "<dsn-" + RUN + "@mx.example.no>";
        send(CUSTOMER, ooo, "Automatisk svar: Re: " + SUBJECT, "Jeg er på ferie til 1. desember.",
                Map.of("Auto-Submitted", "auto-replied", "In-Reply-To", replyMessageId));
        send("Mail Delivery Subsystem <MAILER-DAEMON@mx.example.no>", bounce, "Undeliverable: Re: Klage",
                "Delivery to the following recipient failed permanently: nobody@example.no", Map.of());
        await("both recorded", () -> query("select count(*) from email_passed_over where message_id in (?, ?)", ooo, bounce).equals("2"));
        assertTrue(query("select reason from email_passed_over where message_id = ?", ooo).startsWith("auto-reply"));
        assertTrue(query("select reason from email_passed_over where message_id = ?", bounce).startsWith("bounce"));
        assertEquals(null, complaintFor(ooo));
        assertEquals(null, complaintFor(bounce));
        await("marked seen", () -> seen(ooo) && seen(bounce));
    }

    @Test
    @Order(5)
    void theSameMessageTwiceIsOneComplaint() throws Exception {
        String twice = "<twice-" + RUN + "@example.no>";
        send("Per <per." + RUN + "@example.no>", twice, "Faktura", "Jeg har fått regning to ganger for samme måned.", Map.of());
        send("Per <per." + RUN + "@example.no>", twice, "Faktura", "Jeg har fått regning to ganger for samme måned.", Map.of());
        await("both copies seen", () -> inSupportInbox(twice).size() == 2 && seen(twice));
        assertEquals("1", query("select count(*) from complaint where source = 'email' and external_id = ?", twice));
        assertNotNull(query("select 1 from email_message m join complaint c on c.id = m.complaint_id where c.external_id = ?", twice));
    }

    @Test
    @Order(6)
    void aComplaintPostedThroughTheApiAsEmailIsAnsweredAtItsAddressOrSaysWhyNot() {
        String address = "ola." + RUN + "@example.no";
        Map<String, Object> withAddress = Api.complaint("email", "Ola Hansen", "Fakturaen min er feil for tredje måned på rad, og ingen svarer.");
        withAddress.put("author", Map.of("name", "Ola Hansen", "handle", address));
        String id = Api.post(withAddress);
        Api.approve(Api.latestDraftId(Api.awaitDrafts(id, 1)), null).then().statusCode(200);
        MimeMessage reply = await("the reply e-mailed to the address", () -> mailTo(address).stream().findFirst().orElse(null));
        try {
            assertEquals("Re:", reply.getSubject(), "no subject to answer under");
            assertEquals(null, reply.getHeader("In-Reply-To"), "no message to thread under");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        Map<String, Object> withoutAddress = Api.complaint("email", "Per Berg", "Pakken kom knust, og ingen svarer på e-post.");
        String other = Api.post(withoutAddress);
        Api.approve(Api.latestDraftId(Api.awaitDrafts(other, 1)), null).then().statusCode(200);
        String error = await("the reason kept on the reply", () -> Api.complaintView(other).getString("reply.lastError"));
        assertTrue(error.contains("no e-mail address to answer"), error);
        assertEquals(null, Api.complaintView(other).getString("reply.sentAt"), "kept, not sent, not lost");
    }

    @Test
    @Order(7)
    void whenTheMailboxCannotBeReadTheAgentsAreToldAndNothingIsLost() throws Exception {
        support.setPassword("changed-by-the-mail-admin");
        String waiting = "<waiting-" + RUN + "@example.no>";
        try {
            watcher.disconnect();
            send("Anne <anne." + RUN + "@example.no>", waiting, "Regning", "Dere har trukket meg to ganger for samme regning.", Map.of());
            for (int i = 0; i < EmailWatcher.FAILURES_BEFORE_ALERT; i++) {
                watcher.poll();
            }
            assertTrue(channel.notices().stream().anyMatch(n -> n.kind().equals("email-unreachable")), channel.notices().toString());
            assertEquals(null, complaintFor(waiting));
            assertFalse(seen(waiting), "waits unread in the mailbox");
        } finally {
            support.setPassword("secret");
        }
        watcher.poll();
        assertNotNull(await("the waiting mail taken", () -> complaintFor(waiting)));
        assertTrue(channel.notices().stream().anyMatch(n -> n.kind().equals("email-resumed")), channel.notices().toString());
    }

    @Test
    @Order(8)
    void aMessageTheDatabaseWillNotTakeIsRecordedAndDoesNotBlockTheMailBehindIt() {
        String id = "<unstorable-" + RUN + "@example.no>";
        // NUL is cleaned since intake cleans mail; a message without a reply address is still one PostgreSQL refuses (not null).
        IncomingMail poison = new IncomingMail(id, "Nul", "nul@example.no", null, "Hei", "Dette er en klage.",
                null, List.of(), null, List.of(), null);
        assertFalse(intake.take(poison), "PostgreSQL refuses the message: not a complaint, but no exception either");
        assertTrue(query("select reason from email_passed_over where message_id = ?", id).startsWith("could not be stored"));
        assertEquals(null, complaintFor(id));
    }
}
