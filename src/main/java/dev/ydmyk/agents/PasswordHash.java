package dev.ydmyk.agents;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent's password kept as a PBKDF2-HMAC-SHA256 hash ({@code pbkdf2-sha256:<iterations>:<salt>:<hash>}, salt and
 * hash in base64), so the configuration holds nothing that signs in. Only the JDK is used, so {@code bin/ydmyk
 * hash-password} runs this class's {@link #main} without starting the service.
 */
public final class PasswordHash {

    public static final String PREFIX = "pbkdf2-sha256:";
    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
    static final int ITERATIONS = 600_000;
    /** Fewer makes guessing from a leaked configuration cheap. */
    static final int MIN_ITERATIONS = 100_000;
    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX)
            + "(\\d{1,9}):([A-Za-z0-9+/]{16,}={0,2}):([A-Za-z0-9+/]{43}=)");

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Whatever the case or surrounding spaces: a mistyped hash must fail loudly, not sign in as the literal text. */
    public static boolean looksHashed(String configured) {
        return configured != null && configured.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** Reads a configured hash; a value that starts like one but is not stops start-up with the key to mend. */
    public static PasswordHash parse(String key, String configured) {
        Matcher m = FORMAT.matcher(configured.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < MIN_ITERATIONS) {
            throw malformed(key);
        }
        try {
            return new PasswordHash(Integer.parseInt(m.group(1)), Base64.getDecoder().decode(m.group(2)),
                    Base64.getDecoder().decode(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw malformed(key);
        }
    }

    private static IllegalStateException malformed(String key) {
        return new IllegalStateException(key + ": a hashed password reads " + PREFIX + "<iterations, at least " + MIN_ITERATIONS
                + ">:<salt in base64>:<hash in base64>, as bin/ydmyk hash-password prints it");
    }

    /** A new hash of the password with a random salt. */
    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS);
        return PREFIX + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(hash);
    }

    /** Whether the password is the one hashed; compared in constant time. */
    public boolean matches(String password) {
        char[] chars = password.toCharArray();
        try {
            return MessageDigest.isEqual(hash, derive(chars, salt, iterations));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * {@code bin/ydmyk hash-password}: asks for the password twice on a terminal (not echoed), or reads one line from
     * standard input, and prints the value for {@code ydmyk.agents.<login>.password}.
     */
    public static void main(String[] args) throws Exception {
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || !Arrays.equals(password, again)) {
                System.err.println("The two did not match; nothing printed.");
                System.exit(1);
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length == 0) {
            System.err.println("An empty password cannot sign in; nothing printed.");
            System.exit(1);
        }
        System.out.println(hash(password));
    }
}
