package dev.ydmyk.email;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** A real IMAP and SMTP server (GreenMail) in the test JVM: the support mailbox and the customers' mailboxes. */
public class FakeMail implements QuarkusTestResourceLifecycleManager {

    static final String SUPPORT = "kundeservice@ydmyk.test";
    static GreenMail greenMail;
    static GreenMailUser support;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeMail.class));
        }
    }

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup[]{ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        greenMail.start();
        support = greenMail.setUser(SUPPORT, "kundeservice", "secret");
        return Map.ofEntries(
                Map.entry("ydmyk.email.imap.host", "127.0.0.1"),
                Map.entry("ydmyk.email.imap.port", String.valueOf(greenMail.getImap().getPort())),
                Map.entry("ydmyk.email.imap.tls", "false"),
                Map.entry("ydmyk.email.imap.user", "kundeservice"),
                Map.entry("ydmyk.email.imap.password", "secret"),
                Map.entry("ydmyk.email.imap.sent-folder", "Sent"),
                Map.entry("ydmyk.email.imap.poll", "1s"),
                Map.entry("ydmyk.email.from", "Kundeservice Sør <" + SUPPORT + ">"),
                // A stalled SMTP dialogue (seen a few times under CI load, never on a quiet machine) is given up and retried
                // well within the tests' wait, instead of holding its reply for the whole wait.
                Map.entry("ydmyk.email.send-timeout", "PT10S"),
                Map.entry("quarkus.mailer.mock", "false"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort())),
                Map.entry("quarkus.mailer.tls", "false"),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                // The EHLO name given, so the client never waits on a lookup of this machine's own name.
                Map.entry("quarkus.mailer.own-host-name", "ydmyk.test"));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
