package dev.ydmyk.email;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A customer's subject lands in a header of our reply: it can carry words, never a header of its own. */
class ReplySubjectTest {

    @Test
    void lineBreaksInACustomersSubjectDoNotStartHeaders() {
        assertEquals("Re: Pakken min Bcc: everyone@example.com", EmailPublisher.subject("Pakken min\r\nBcc: everyone@example.com"));
        assertEquals("Re: a b c", EmailPublisher.subject("a\nb\r\rc\u0000"));
        assertEquals("SV: Hvor er pakken?", EmailPublisher.subject("SV: Hvor er pakken?"));
    }
}
