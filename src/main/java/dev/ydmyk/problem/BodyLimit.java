package dev.ydmyk.problem;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses bodies over 1 MiB with a problem document before they are read. (A chunked body without
 * Content-Length is still cut off at {@code quarkus.http.limits.max-body-size}, with a bare 413.)
 */
@ApplicationScoped
public class BodyLimit {

    public static final long MAX_BODY = 1024 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        long n;
        try {
            n = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n > MAX_BODY) {
            ctx.response().setStatusCode(413)
                    .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                    .putHeader("Connection", "close")
                    .end(new JsonObject()
                            .put("type", "about:blank")
                            .put("title", "Request body too large")
                            .put("status", 413)
                            .put("detail", "The request body is " + n + " bytes; the limit is 1 MiB (" + MAX_BODY + " bytes)")
                            .put("instance", ctx.request().path())
                            .encode());
            return;
        }
        ctx.next();
    }
}
