package dev.ydmyk.problem;

/** What {@link Storable} refuses, found and cleaned: for input that cannot be refused (webhooks, mail). */
public final class CleanText {

    private CleanText() {
    }

    /** The index of the first character that may not be stored, or -1. */
    public static int firstFault(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || unwanted(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The text with control characters removed and lone surrogates replaced by U+FFFD; null stays null. */
    public static String of(String s) {
        if (s == null || firstFault(s) < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (!unwanted(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The text cleaned and cut to at most {@code max} code points. */
    public static String of(String s, int max) {
        String c = of(s);
        return c == null || c.codePointCount(0, c.length()) <= max ? c : c.substring(0, c.offsetByCodePoints(0, max));
    }

    // C0 controls but tab, LF and CR; DEL and the C1 controls.
    private static boolean unwanted(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }
}
