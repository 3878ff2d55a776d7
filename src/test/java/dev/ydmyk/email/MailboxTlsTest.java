package dev.ydmyk.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The default, IMAPS: TLS from the first byte, and the server's certificate verified unless a host is trusted. */
class MailboxTlsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAPS.dynamicPort());

    private Mailbox mailbox(Optional<String> trust) {
        return new Mailbox(new Mailbox.Settings("127.0.0.1", greenMail.getImaps().getPort(), true, trust, "kundeservice", "secret",
                "INBOX", Optional.empty(), Duration.ofSeconds(10), null), Duration.ofSeconds(10));
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessItsHostIsTrusted() throws Exception {
        GreenMailUser support = greenMail.setUser("kundeservice@ydmyk.test", "kundeservice", "secret");
        support.deliver(MailboxTest.message("<tls@example.no>", "kari@example.no", "Ordre", "Pakken kom aldri."));

        Mailbox verifying = mailbox(Optional.empty());
        Exception refused = assertThrows(Exception.class, () -> verifying.poll(mail -> { }));
        verifying.close();
        assertEquals(true, String.valueOf(refused).contains("SSL") || String.valueOf(refused.getCause()).contains("certif")
                || String.valueOf(refused.getCause()).contains("SSL"), String.valueOf(refused));

        Mailbox trusting = mailbox(Optional.of("127.0.0.1"));
        List<IncomingMail> taken = new ArrayList<>();
        assertEquals(1, trusting.poll(taken::add));
        assertEquals("Pakken kom aldri.", taken.get(0).text());
        trusting.close();
    }
}
