package dev.ydmyk.agents;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent's password kept hashed: the right one matches, nothing else does, and a mangled value names its key. */
class PasswordHashTest {

    @Test
    void theRightPasswordMatchesAndNothingElse() {
        String hashed = PasswordHash.hash("blåbærsyltetøy i fjellet".toCharArray());
        PasswordHash hash = PasswordHash.parse("ydmyk.agents.kari.password", hashed);
        assertTrue(hash.matches("blåbærsyltetøy i fjellet"));
        assertFalse(hash.matches("blabaersyltetoy i fjellet"));
        assertFalse(hash.matches(""));
        assertFalse(hashed.contains("fjellet"), hashed);
        assertNotEquals(hashed, PasswordHash.hash("blåbærsyltetøy i fjellet".toCharArray()), "each hash has its own salt");
    }

    @Test
    void aValueThatStartsLikeAHashButIsNotStopsStartUpNamingTheKey() {
        for (String bad : new String[] {"pbkdf2-sha256:", "pbkdf2-sha256:600000:c2FsdA==:aGFzaA==", "pbkdf2-sha256:0:AAAAAAAAAAAAAAAAAAAAAA==:"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "pbkdf2-sha256:many:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PasswordHash.parse("ydmyk.agents.kari.password", bad), bad);
            assertTrue(e.getMessage().startsWith("ydmyk.agents.kari.password: ") && e.getMessage().contains("bin/ydmyk hash-password"),
                    e.getMessage());
        }
        assertFalse(PasswordHash.looksHashed("kari-test"));
        // Mistyped, it is still taken for a hash (and fails loudly) rather than signing in as its own text.
        assertTrue(PasswordHash.looksHashed(" PBKDF2-SHA256:600000:AAAA"));
        assertThrows(IllegalStateException.class, () -> PasswordHash.parse("k", "PBKDF2-SHA256:600000:AAAAAAAAAAAAAAAAAAAAAA==:"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        assertThrows(IllegalStateException.class, () -> PasswordHash.parse("k", "pbkdf2-sha256:1000:AAAAAAAAAAAAAAAAAAAAAA==:"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), "too few iterations");
        assertThrows(IllegalStateException.class, () -> PasswordHash.parse("k", "pbkdf2-sha256:600000:AAAAAAAAAAAAAAAAA:"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), "a salt that is not base64");
    }
}
