package dev.ydmyk.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The one place where errors become RFC 9457 problem details. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(Problem p, UriInfo uri) {
        Response.ResponseBuilder r = render(p.status(), p.title(), p.getMessage(), p.field(), p.findings(), uri);
        if (p.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, p.field() != null && p.field().equals("Authorization:Bearer")
                    ? "Bearer realm=\"ydmyk\"" : "Basic realm=\"ydmyk\", charset=\"UTF-8\"");
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e);
        return render(400, "Invalid request", "Unknown field '" + field + "'", field, null, uri).build();
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        if (field.isEmpty()) {
            return render(400, "Invalid request", "The request body must be a JSON object", null, null, uri).build();
        }
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return render(400, "Invalid request", "Field '" + field + "' has the wrong type: expected " + expected, field, null, uri).build();
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        String field = path(e);
        return render(400, "Invalid request", "Field '" + field + "' could not be read: " + e.getOriginalMessage(), field, null, uri).build();
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (msg.startsWith("Duplicate field")) {
            String field = path(e);
            return render(400, "Invalid request", "Field '" + field + "' appears more than once", field, null, uri).build();
        }
        String detail = msg.contains("UTF-8") || msg.contains("UTF8")
                ? "The request body is not valid UTF-8"
                : "The request body is not valid JSON: " + msg;
        return render(400, "Malformed request body", detail, null, null, uri).build();
    }

    /** A number out of range (an int over 2^31) and other stream errors that carry no mapping path. */
    @ServerExceptionMapper
    public Response unreadable(StreamReadException e, UriInfo uri) {
        if (e instanceof JsonParseException p) {
            return malformed(p, uri);
        }
        String field = path(e);
        return field == null
                ? render(400, "Malformed request body", "The request body could not be read: " + e.getOriginalMessage(), null, null, uri).build()
                : render(400, "Invalid request", "Field '" + field + "' could not be read: " + e.getOriginalMessage(), field, null, uri).build();
    }

    @ServerExceptionMapper
    public Response invalidBody(io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e, UriInfo uri) {
        return invalid(e, uri);
    }

    /** Hibernate Validator's findings on a request body: the first field at fault, in the body's own order. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<ConstraintViolation<?>> all = new ArrayList<>(e.getConstraintViolations());
        all.sort(Comparator.comparingInt(ProblemMapper::order).thenComparing(v -> field(v)));
        if (all.isEmpty()) {
            return render(400, "Invalid request", e.getMessage(), null, null, uri).build();
        }
        String field = field(all.get(0));
        return render(400, "Invalid request", field + " " + all.get(0).getMessage(), field, null, uri).build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return render(400, "Malformed request body", "The request body could not be read: " + e.getOriginalMessage(), null, null, uri).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException u) {
                return unknownField(u, uri);
            }
            if (cause instanceof MismatchedInputException m) {
                return wrongType(m, uri);
            }
            if (cause instanceof StreamReadException p) {
                return unreadable(p, uri);
            }
            if (cause instanceof Problem p) {
                return problem(p, uri);
            }
            if (cause instanceof java.nio.charset.CharacterCodingException || cause instanceof java.io.CharConversionException) {
                return render(400, "Malformed request body", "The request body is not valid UTF-8", null, null, uri).build();
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return render(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), null, null, uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("Unexpected failure", e);
        return render(500, "Internal error", "Something went wrong on our side; nothing you sent was lost if you got no error before.", null, null, uri).build();
    }

    public static Response.ResponseBuilder render(int status, String title, String detail, String field, Object findings, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (uri != null) {
            body.put("instance", uri.getPath());
        }
        if (field != null) {
            body.put("field", field);
        }
        if (findings != null) {
            body.put("findings", findings);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body);
    }

    /** The body field the parser stood at, as {@code author.name} or {@code entry[0].id}; null at the top. */
    private static String path(StreamReadException e) {
        JsonParser p = e.getProcessor();
        if (p == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            parts.add(0, c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]" : c.getCurrentName() == null ? "" : c.getCurrentName());
        }
        String joined = String.join(".", parts).replace(".[", "[");
        return joined.isEmpty() ? null : joined;
    }

    // The violation's path without the method and parameter it came in through (receive.body.author.name -> author.name).
    private static String field(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getKind() == jakarta.validation.ElementKind.PROPERTY || n.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                parts.add(n.getName());
            }
        }
        return String.join(".", parts);
    }

    // The body's fields in declaration order, so that the first field at fault is named, as a reader expects.
    private static int order(ConstraintViolation<?> v) {
        String first = field(v).split("\\.")[0];
        Class<?> type = v.getRootBeanClass();
        for (Class<?> c : new Class<?>[]{type, v.getLeafBean() == null ? null : v.getLeafBean().getClass()}) {
            if (c != null && c.isRecord()) {
                var comps = c.getRecordComponents();
                for (int i = 0; i < comps.length; i++) {
                    if (comps[i].getName().equals(first)) {
                        return i;
                    }
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time such as 2026-11-20T16:54:00+01:00";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }
}
