package dev.ydmyk.agents;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one HMAC-SHA256 helper, for everything that proves a message came from who it says: Slack's and
 * Meta's request signatures and the channel page's session cookies. Signatures are always compared in
 * constant time.
 */
public final class Signatures {

    private Signatures() {
    }

    /** Hex HMAC-SHA256 of the message parts, in order, with the key. */
    public static String hmacHex(byte[] key, byte[]... parts) {
        return hex(mac(key, parts));
    }

    /** Hex HMAC-SHA256 with a textual secret (as Slack and Meta hand them out). */
    public static String hmacHex(String secret, byte[]... parts) {
        return hmacHex(secret.getBytes(StandardCharsets.UTF_8), parts);
    }

    /** Raw HMAC-SHA256 of the message parts. */
    public static byte[] mac(byte[] key, byte[]... parts) {
        var mac = HmacUtils.getInitializedMac(HmacAlgorithms.HMAC_SHA_256, key);
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /** Whether a signature as received equals the expected one, taking the same time wherever they differ. */
    public static boolean same(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), received.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return Hex.encodeHexString(bytes);
    }
}
