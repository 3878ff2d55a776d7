package dev.ydmyk.intake;

import dev.ydmyk.problem.CleanText;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.problem.Storable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.regex.Pattern;

/** The body of {@code POST /api/complaints}. Unknown fields are refused by the JSON reader. */
public record NewComplaint(@Storable String source, @Storable String externalId, @Valid Author author, @Storable String text,
                           @Storable String url, OffsetDateTime postedAt, @Storable String language, @Valid Engagement engagement) {

    public static final int MAX_TEXT = 10_000;
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    static final Set<String> LANGUAGES = Set.of("nb", "nn", "no", "da", "sv", "en", "de", "fi");

    public static final int MAX_NAME = 200;
    /** More reactions than any post has had: a count over it is a mistake, and the sum must not overflow. */
    public static final int MAX_COUNT = 1_000_000_000;

    public record Author(@Storable String name, @Storable String handle) {
    }

    /** Reactions on the post as the source sees them now; posting the same post again updates them. */
    public record Engagement(@PositiveOrZero @Max(MAX_COUNT) Integer likes, @PositiveOrZero @Max(MAX_COUNT) Integer comments,
                             @PositiveOrZero @Max(MAX_COUNT) Integer shares) {
        public int total() {
            return nz(likes) + nz(comments) + nz(shares);
        }

        private static int nz(Integer i) {
            return i == null ? 0 : i;
        }
    }

    /** Throws a problem naming the first field at fault. */
    public NewComplaint validated() {
        require("source", source);
        if (!SOURCE.matcher(source).matches()) {
            throw Problem.invalid("source", "source must be 1-40 lower-case letters, digits, '-' or '_' (e.g. facebook, email)");
        }
        require("externalId", externalId);
        if (externalId.length() > 500) {
            throw Problem.invalid("externalId", "externalId must be at most 500 characters");
        }
        if (text == null) {
            throw Problem.invalid("text", "text is required");
        }
        if (text.isBlank()) {
            throw Problem.invalid("text", "text must not be empty");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw Problem.invalid("text", "text must be at most " + MAX_TEXT + " characters");
        }
        if (author != null) {
            if (author.name() != null && author.name().length() > MAX_NAME) {
                throw Problem.invalid("author.name", "author.name must be at most 200 characters");
            }
            if (author.handle() != null && author.handle().length() > MAX_NAME) {
                throw Problem.invalid("author.handle", "author.handle must be at most 200 characters");
            }
        }
        if (url != null) {
            try {
                URI u = URI.create(url);
                if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || url.length() > 2000) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("url", "url must be an http or https address");
            }
        }
        if (engagement != null) {
            for (var e : new Object[][]{{"likes", engagement.likes()}, {"comments", engagement.comments()}, {"shares", engagement.shares()}}) {
                if (e[1] != null && (Integer) e[1] < 0) {
                    throw Problem.invalid("engagement." + e[0], "engagement." + e[0] + " must not be negative");
                }
            }
        }
        if (language != null && !LANGUAGES.contains(language)) {
            throw Problem.invalid("language", "language must be one of " + String.join(", ", LANGUAGES.stream().sorted().toList()));
        }
        return this;
    }

    /**
     * A text from a source that cannot be refused (a webhook, a mailbox): cleaned of what PostgreSQL
     * cannot store and cut to the {@link #MAX_TEXT} characters a complaint keeps.
     */
    public static String fitted(String text) {
        return CleanText.of(text, MAX_TEXT);
    }

    /** An author's name or handle from a webhook or mailbox, cleaned and cut like {@link #fitted}. */
    public static String fittedName(String name) {
        return CleanText.of(name, MAX_NAME);
    }

    /** "no" is the macro-language; we answer it in Bokmål. */
    public String languageHint() {
        return "no".equals(language) ? "nb" : language;
    }

    private static void require(String field, String value) {
        if (value == null) {
            throw Problem.invalid(field, field + " is required");
        }
        if (value.isBlank()) {
            throw Problem.invalid(field, field + " must not be empty");
        }
    }
}
