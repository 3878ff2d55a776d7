package dev.ydmyk.facebook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Graph API object ids as Meta issues them: digits, or two digit runs joined by one underscore
 * (a post {@code <page>_<post>}, a comment {@code <post>_<comment>}). Anything else is not an id and
 * never goes into a Graph URL, where it could steer the call ({@code 1_2/../../PAGE/feed?...}).
 */
public final class GraphIds {

    private static final Pattern ID = Pattern.compile("[0-9]{1,40}(?:_[0-9]{1,40})?");

    private GraphIds() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The id as one URL path segment; only for ids that are {@link #valid}. */
    static String segment(String id) {
        if (!valid(id)) {
            throw new IllegalArgumentException("Not a Graph object id");
        }
        // Digits and '_' need no escaping: encoding is the second lock, not the first.
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** Why the id cannot be answered on Facebook, for people to read. */
    static String refusal() {
        return "externalId must be a Facebook object id: digits, optionally two parts joined by '_' (e.g. 123_456)";
    }
}
