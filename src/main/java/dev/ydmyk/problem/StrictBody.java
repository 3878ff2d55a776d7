package dev.ydmyk.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON request body is UTF-8 JSON, said so in its Content-Type: no body without a Content-Type, no
 * other charset, and no bytes a strict UTF-8 decoder refuses (overlong forms, encoded surrogates,
 * UTF-16 or UTF-32, which Jackson would otherwise guess and read).
 */
@Provider
public class StrictBody implements ReaderInterceptor {

    @ServerRequestFilter
    public void contentType(ContainerRequestContext request, ResourceInfo resource) {
        // A bodiless POST (the channel page's approve) needs no Content-Type; a body does.
        boolean body = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (!takesJson(resource) || !body) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null) {
            throw new Problem(415, "Unsupported Media Type", "The request needs Content-Type: application/json", "Content-Type", null);
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new Problem(415, "Unsupported Media Type", "The request body must be UTF-8 (not " + charset + ")", "Content-Type", null);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !context.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || context.getType() == byte[].class || context.getType() == String.class) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (!utf8(body)) {
            throw new Problem(400, "Malformed request body", "The request body is not valid UTF-8", null, null);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean takesJson(ResourceInfo resource) {
        Consumes c = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Consumes.class);
        return c != null && Arrays.asList(c.value()).contains(MediaType.APPLICATION_JSON);
    }

    // A NUL byte is never in JSON text, but is in every UTF-16 or UTF-32 body.
    private static boolean utf8(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
