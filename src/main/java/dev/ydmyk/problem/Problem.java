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
