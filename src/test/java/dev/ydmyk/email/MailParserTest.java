package dev.ydmyk.email;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages as mail clients and servers really write them, read into what a complaint needs. */
class MailParserTest {

    private static final Session SESSION;

    static {
        Properties p = new Properties();
        p.put("mail.mime.base64.ignoreerrors", "true");
        p.put("mail.mime.address.strict", "false");
        SESSION = Session.getInstance(p);
    }

    static MimeMessage raw(String headersAndBody) throws Exception {
        return raw(headersAndBody.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static MimeMessage raw(byte[] bytes) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
    }

    static IncomingMail parse(String message) throws Exception {
        return MailParser.parse(raw(message), "kundeservice@ydmyk.test");
    }

    @Test
    void gmailReplyInNorwegianKeepsOnlyWhatTheCustomerWroteNow() throws Exception {
        IncomingMail m = parse("""
                From: Kari Nordmann <kari.nordmann@example.no>
                To: kundeservice@ydmyk.test
                Subject: Re: Ordre 4411
                Message-ID: <CAF1@mail.gmail.com>
                In-Reply-To: <ydmyk.1@ydmyk.test>
                References: <first@example.no> <ydmyk.1@ydmyk.test>
                Date: Fri, 20 Nov 2026 16:54:00 +0100
                Content-Type: text/plain; charset=UTF-8

                Hei,

                Pakken har fortsatt ikke kommet. Som jeg skrev:
                Dette er tredje gang jeg tar kontakt!

                Mvh Kari

                Sendt fra min iPhone

                tor. 19. nov. 2026 kl. 10:02 skrev Kundeservice <kundeservice@ydmyk.test>:
                > Hei Kari, takk for at du sa ifra.
                > Vi ser på saken.
                """);
        assertTrue(m.draftable());
        assertEquals("<CAF1@mail.gmail.com>", m.messageId());
        assertEquals("Kari Nordmann", m.fromName());
        assertEquals("kari.nordmann@example.no", m.fromAddress());
        assertEquals("Re: Ordre 4411", m.subject());
        assertEquals("<ydmyk.1@ydmyk.test>", m.inReplyTo());
        assertEquals(List.of("<first@example.no>", "<ydmyk.1@ydmyk.test>"), m.references());
        assertEquals("Hei,\n\nPakken har fortsatt ikke kommet. Som jeg skrev:\nDette er tredje gang jeg tar kontakt!\n\nMvh Kari", m.text());
    }

    @Test
    void outlookReplyInDanishLosesTheQuotedHeaderBlock() throws Exception {
        IncomingMail m = parse("""
                From: "Jensen, Lars" <lj@example.dk>
                To: kundeservice@ydmyk.test
                Subject: SV: Faktura
                Message-ID: <AM0PR@outlook.com>
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                Jeg er blevet opkr=E6vet to gange for det samme abonnement.

                Med venlig hilsen
                Lars

                ________________________________
                Fra: Kundeservice <kundeservice@ydmyk.test>
                Sendt: 19. november 2026 10:02
                Til: Lars Jensen
                Emne: Faktura

                Hej Lars, tak for din besked.
                """);
        assertEquals("Jensen, Lars", m.fromName());
        assertEquals("Jeg er blevet opkrævet to gange for det samme abonnement.\n\nMed venlig hilsen\nLars", m.text());
    }

    @Test
    void htmlOnlyMailBecomesTextWithoutTheQuote() throws Exception {
        IncomingMail m = parse("""
                From: Sven Svensson <sven@example.se>
                Subject: =?UTF-8?Q?Tr=C3=A5kig_leverans?=
                Message-ID: <html-1@example.se>
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{color:red}</style></head><body><p>Hej!</p><p>Min best&auml;llning kom tre veckor f&ouml;r sent,<br>och ingen svarade.</p>
                <ul><li>Order 77</li></ul><div class="gmail_quote">Den 18 nov. 2026 skrev Kundtjänst: <blockquote>Vi återkommer</blockquote></div></body></html>
                """);
        assertEquals("Tråkig leverans", m.subject());
        assertEquals("Hej!\n\nMin beställning kom tre veckor för sent,\noch ingen svarade.\n\n- Order 77", m.text());
    }

    @Test
    void plainTextIsPreferredInAlternativeAndAttachmentsAreOnlyListed() throws Exception {
        IncomingMail m = parse("""
                From: kari.nordmann@example.no
                Subject: Skadet sofa
                Message-ID: <mixed-1@example.no>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=utf-8

                Sofaen kom med en stor flenge i setet.
                --inner
                Content-Type: text/html; charset=utf-8

                <p>Sofaen kom med en <b>stor</b> flenge i setet.</p>
                --inner--
                --outer
                Content-Type: image/jpeg; name="sofa.jpg"
                Content-Disposition: attachment; filename="sofa.jpg"
                Content-Transfer-Encoding: base64

                /9j/4AAQSkZJRgABAQ==
                --outer--
                """);
        assertEquals("Sofaen kom med en stor flenge i setet.", m.text());
        assertEquals(List.of("sofa.jpg"), m.attachments());
        assertEquals("Kari Nordmann", m.fromName(), "a name read from kari.nordmann@ so that the reply can greet her");
    }

    @Test
    void anEmptyPlainPartBesideHtmlFallsBackToTheHtml() throws Exception {
        IncomingMail m = parse("""
                From: lise@example.dk
                Subject: Forkert vare
                Message-ID: <alt-empty@example.dk>
                Content-Type: multipart/alternative; boundary="a"

                --a
                Content-Type: text/plain; charset=utf-8


                --a
                Content-Type: text/html; charset=utf-8

                <div>Jeg fik en blå kjole i stedet for den røde, jeg bestilte.</div>
                --a--
                """);
        assertEquals("Jeg fik en blå kjole i stedet for den røde, jeg bestilte.", m.text());
    }

    @Test
    void brokenEncodingsFallBackInsteadOfFailing() throws Exception {
        String headers = """
                From: =?x-klingon?Q?Ola?= <ola@example.no>
                Subject: =?x-klingon?Q?Klage?=
                Message-ID: <broken-1@example.no>
                Content-Type: text/plain; charset="x-unknown-charset"

                """.replace("\n", "\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(headers.getBytes(StandardCharsets.US_ASCII));
        out.write("Blåbærsyltetøyet var mugne.\r\n".getBytes("windows-1252"));
        IncomingMail m = MailParser.parse(raw(out.toByteArray()), null);
        assertTrue(m.draftable());
        assertEquals("Blåbærsyltetøyet var mugne.", m.text(), "an unknown charset: not UTF-8, so Windows-1252");
        assertEquals("ola@example.no", m.fromAddress());
        assertNotNull(m.subject());

        IncomingMail mislabelled = MailParser.parse(raw(("From: a@example.no\r\nMessage-ID: <m@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Ærlig talt, dårlig\r\n").getBytes("windows-1252")), null);
        assertEquals("Ærlig talt, dårlig", mislabelled.text(), "Latin-1 bytes labelled UTF-8");

        IncomingMail badBase64 = parse("""
                From: b@example.no
                Message-ID: <b64@x>
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                SGVp!!!IGRlcmUsIGRldHRlIGVyIGTDpXJsaWc=
                """);
        assertTrue(badBase64.text().startsWith("Hei"), badBase64.text());

        IncomingMail nul = parse("From: c@example.no\nMessage-ID: <nul@x>\nContent-Type: text/plain\n\nHei\u0000 der, dette virker ikke\n");
        assertEquals("Hei der, dette virker ikke", nul.text(), "PostgreSQL text cannot hold NUL");
    }

    @Test
    void noTextPartUsesTheSubjectOrIsPassedOver() throws Exception {
        String onlyPhoto = """
                From: Per <per@example.no>
                Subject: %s
                Message-ID: <%s@example.no>
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: image/png
                Content-Disposition: attachment; filename="kvittering.png"
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --b--
                """;
        IncomingMail withSubject = parse(onlyPhoto.formatted("Feil beløp på kvitteringen", "p1"));
        assertTrue(withSubject.draftable());
        assertEquals("Feil beløp på kvitteringen", withSubject.text());
        IncomingMail without = parse(onlyPhoto.formatted("", "p2"));
        assertFalse(without.draftable());
        assertEquals("no text (only attachments: kvittering.png)", without.passOver());
    }

    @Test
    void autoRepliesBouncesReceiptsAndListsAreRecognised() throws Exception {
        String body = "\nJeg er på ferie til 1. desember og leser ikke e-post.\n";
        assertTrue(parse("From: a@example.no\nAuto-Submitted: auto-replied\nSubject: Ordre 1\n" + body).passOver().startsWith("auto-reply"));
        assertNull(parse("From: a@example.no\nAuto-Submitted: no\nSubject: Ordre 1\n" + body).passOver());
        assertTrue(parse("From: a@example.no\nX-Autoreply: yes\nSubject: Ordre 1\n" + body).passOver().startsWith("auto-reply"));
        assertTrue(parse("From: a@example.no\nSubject: Automatisk svar: Ordre 1\n" + body).passOver().startsWith("auto-reply"));
        assertTrue(parse("From: a@example.se\nSubject: Autosvar: Order 1\n" + body).passOver().startsWith("auto-reply"));
        assertTrue(parse("From: a@example.com\nSubject: Out of Office: Order 1\n" + body).passOver().startsWith("auto-reply"));
        assertTrue(parse("From: a@example.no\nPrecedence: bulk\nSubject: Nyhetsbrev\n" + body).passOver().startsWith("bulk"));
        assertTrue(parse("From: news@example.no\nList-Unsubscribe: <mailto:u@example.no>\nSubject: Tilbud\n" + body).passOver().startsWith("mailing list"));
        assertTrue(parse("From: MAILER-DAEMON@mx.example.no\nSubject: Hei\n" + body).passOver().startsWith("bounce"));
        assertTrue(parse("From: a@example.no\nReturn-Path: <>\nSubject: Hei\n" + body).passOver().startsWith("bounce"));
        assertTrue(parse("From: postmaster@example.dk\nSubject: Kan ikke leveres: Faktura\n" + body).passOver().startsWith("bounce"));
        assertTrue(parse("From: Kundeservice <kundeservice@ydmyk.test>\nSubject: Re: Ordre\n" + body).passOver().equals("our own message"));
        assertEquals("bounce (delivery status report)", parse("""
                From: Mail Delivery System <mailer@mx.example.no>
                Subject: Returned
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                Delivery to kari@example.no failed permanently.
                --r
                Content-Type: message/delivery-status

                Status: 5.1.1
                --r--
                """).passOver());
        assertEquals("read receipt", parse("""
                From: kari@example.no
                Subject: Lest: Ordre 1
                Content-Type: multipart/report; report-type=disposition-notification; boundary="r"

                --r
                Content-Type: text/plain

                Meldingen ble lest.
                --r--
                """).passOver());
        assertNull(parse("From: Ferie Glad <glad@example.no>\nSubject: Ferien ble ødelagt av dere\n\nHotellet var stengt.\n").passOver(),
                "a customer writing about a holiday is not an auto-reply");
    }

    @Test
    void aMissingMessageIdGetsAStableOneSoTheSameMessageIsNotTakenTwice() throws Exception {
        String msg = "From: a@example.no\nDate: Fri, 20 Nov 2026 16:54:00 +0100\nSubject: Hei\n\nDette er en klage.\n";
        IncomingMail first = parse(msg);
        assertTrue(first.messageId().matches("<[0-9a-f]{40}@no-message-id\\.ydmyk>"), first.messageId());
        assertEquals(first.messageId(), parse(msg).messageId());
    }
}
