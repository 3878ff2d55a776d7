package dev.ydmyk.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.intake.SourceIds;
import dev.ydmyk.notices.Notice;
import dev.ydmyk.publishing.CannotPublish;
import dev.ydmyk.publishing.OutgoingReply;
import dev.ydmyk.publishing.PublishLater;
import dev.ydmyk.publishing.Publisher;
import dev.ydmyk.publishing.Purpose;
import dev.ydmyk.publishing.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes an approved reply as a comment on the customer's post or comment through the Graph API
 * ({@code POST /{object-id}/comments} with the page token), exactly once: after an attempt whose
 * outcome is unknown (a timeout, a reset connection), the object's comments are read first, and a
 * comment of ours with the same text counts as published. Rate limits (error codes 4, 17, 32, 613,
 * or X-Business-Use-Case-Usage) slow publishing down; an expired token (code 190) pauses it, keeps
 * the approved replies, and says so in the channels. Only a valid object id ({@link GraphIds}) goes
 * into a URL, as one path segment; an invalid id, error code 100 or another 4xx that is not a rate
 * limit is permanent ({@link CannotPublish}): no retry would change it.
 */
@ApplicationScoped
public class GraphPublisher implements Publisher, SourceIds {

    private static final Logger LOG = Logger.getLogger(GraphPublisher.class);
    private static final Set<Integer> RATE_LIMITED = Set.of(4, 17, 32, 613);

    private final YdmykConfig config;
    private final ObjectMapper json;
    private final Event<Notice> notices;
    private final Secrets secrets;
    private final HttpClient http;
    private final AtomicBoolean tokenExpired = new AtomicBoolean();

    public GraphPublisher(YdmykConfig config, ObjectMapper json, Event<Notice> notices, Secrets secrets) {
        this.config = config;
        this.json = json;
        this.notices = notices;
        this.secrets = secrets;
        this.http = HttpClient.newBuilder().connectTimeout(config.publishing().callbackTimeout()).build();
    }

    @Override
    public boolean handles(String source) {
        return FacebookWebhook.SOURCE.equals(source) && config.facebook().pageToken().filter(t -> !t.isBlank()).isPresent();
    }

    /** While we publish to Facebook, a Facebook complaint must carry an id we can answer at. */
    @Override
    public Optional<String> refuses(String source, String externalId) {
        return handles(source) && !GraphIds.valid(externalId) ? Optional.of(GraphIds.refusal()) : Optional.empty();
    }

    @Override
    public String publish(OutgoingReply reply) throws Exception {
        if (reply.purpose() == Purpose.STATEMENT) {
            // An incident's statement is a post on the page, published once like a reply.
            String page = config.facebook().pageId().filter(GraphIds::valid)
                    .orElseThrow(() -> new CannotPublish("ydmyk.facebook.page-id is not set: a statement cannot be posted on the page"));
            return publishOnce(GraphIds.segment(page), "feed", reply);
        }
        if (!GraphIds.valid(reply.externalId())) {
            throw new CannotPublish("Not answerable on Facebook: the complaint's id is not a Graph object id");
        }
        return publishOnce(GraphIds.segment(reply.externalId()), "comments", reply);
    }

    /**
     * {@code POST /{object}/{edge}} with the text; after an attempt whose outcome was unknown, the
     * edge is read first and a message of ours with the same text counts as published.
     */
    private String publishOnce(String object, String edge, OutgoingReply reply) throws Exception {
        if (tokenExpired.get()) {
            throw new PublishLater(Duration.ofMinutes(5), "The Facebook page token has expired; publishing is paused");
        }
        if (reply.attempts() > 0) {
            Optional<String> already = findOurs(object, edge, reply.text());
            if (already.isPresent()) {
                LOG.infof("%s on %s was already published as %s (an earlier attempt's outcome was unknown)", reply.purpose().key(), object,
                        already.get());
                return already.get();
            }
        }
        String form = "message=" + URLEncoder.encode(reply.text(), StandardCharsets.UTF_8)
                + "&access_token=" + URLEncoder.encode(token(), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(graph() + "/" + object + "/" + edge))
                .timeout(config.publishing().callbackTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 2) {
            return json.readTree(r.body()).path("id").asText(null);
        }
        throw failure(r);
    }

    /** A message from the page on the object's edge (its comments, or the page's feed) with exactly this text. */
    private Optional<String> findOurs(String object, String edge, String text) throws IOException, InterruptedException {
        String url = graph() + "/" + object + "/" + edge + "?fields=id,message,from&limit=100&access_token="
                + URLEncoder.encode(token(), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(config.publishing().callbackTimeout())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("Could not read the " + edge + " of " + object + " to reconcile: HTTP " + r.statusCode());
        }
        String page = config.facebook().pageId().orElse("");
        for (JsonNode c : json.readTree(r.body()).path("data")) {
            if (page.equals(c.path("from").path("id").asText()) && text.equals(c.path("message").asText())) {
                return Optional.of(c.path("id").asText());
            }
        }
        return Optional.empty();
    }

    private Exception failure(HttpResponse<String> r) {
        int code = -1;
        // Graph's messages can echo the request, token included.
        String message = secrets.redact(r.body());
        try {
            JsonNode error = json.readTree(r.body()).path("error");
            code = error.path("code").asInt(-1);
            message = secrets.redact(error.path("message").asText(message));
        } catch (Exception ignored) {
            // not the Graph API's error object; keep the body
        }
        if (code == 190) {
            if (tokenExpired.compareAndSet(false, true)) {
                LOG.errorf("The Facebook page token has expired: publishing to Facebook is paused (%s)", message);
                notices.fire(new Notice("facebook-token-expired", "Facebook publishing is paused", List.of(
                        "The page token has expired or was revoked (" + message + ").",
                        "Approved replies are kept and go out once ydmyk.facebook.page-token is renewed and the service restarted.")));
            }
            return new PublishLater(Duration.ofMinutes(5), "The Facebook page token has expired");
        }
        Optional<Duration> usage = r.headers().firstValue("X-Business-Use-Case-Usage").flatMap(this::regainAccess);
        if (RATE_LIMITED.contains(code) || usage.isPresent() || r.statusCode() == 429) {
            Duration wait = usage.orElse(config.facebook().rateLimitWait());
            LOG.warnf("Facebook asks us to slow down (code %d); next reply in %s", code, wait);
            return new PublishLater(wait, "Facebook rate limit (code " + code + ")");
        }
        if (code == 100 || (r.statusCode() / 100 == 4 && r.statusCode() != 408)) {
            return new CannotPublish("Graph API refused the reply (" + r.statusCode() + (code >= 0 ? ", code " + code : "") + "): " + message);
        }
        return new IOException("Graph API answered " + r.statusCode() + ": " + message);
    }

    /** X-Business-Use-Case-Usage: {"<id>": [{"type": ..., "estimated_time_to_regain_access": minutes}]} */
    private Optional<Duration> regainAccess(String header) {
        try {
            long minutes = 0;
            for (JsonNode usages : json.readTree(header)) {
                for (JsonNode u : usages) {
                    minutes = Math.max(minutes, u.path("estimated_time_to_regain_access").asLong(0));
                }
            }
            return minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private String graph() {
        String g = config.facebook().graphUrl();
        return g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
    }

    private String token() {
        return config.facebook().pageToken().orElseThrow();
    }
}
