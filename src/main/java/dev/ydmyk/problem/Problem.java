package dev.ydmyk.problem;

import java.util.List;

/**
 * An RFC 9457 problem: thrown anywhere, rendered as {@code application/problem+json} by
 * {@link ProblemMapper}. {@code field} names the input at fault, where there is one.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final List<?> findings;

    public Problem(int status, String title, String detail, String field, List<?> findings) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.findings = findings;
    }

    public static Problem invalid(String field, String detail) {
        return new Problem(400, "Invalid request", detail, field, null);
    }

    /** A query parameter that must be a whole number within bounds: the number, or a 400 naming the field. */
    public static int wholeNumber(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw invalid(field, field + " must be a whole number from " + min + " to " + max);
    }

    public static Problem notFound(String what, Object id) {
        return new Problem(404, "Not found", "No " + what + " with id " + id, null, null);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public List<?> findings() {
        return findings;
    }
}
