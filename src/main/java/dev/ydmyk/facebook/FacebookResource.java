package dev.ydmyk.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.agents.Signatures;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.problem.ProblemMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** Facebook Page webhooks: Meta's subscription handshake and signed deliveries of feed changes. */
@Path("/webhooks/facebook")
public class FacebookResource {

    private static final Logger LOG = Logger.getLogger(FacebookResource.class);

    private final FacebookWebhook webhook;
    private final YdmykConfig config;
    private final ObjectMapper json;

    public FacebookResource(FacebookWebhook webhook, YdmykConfig config, ObjectMapper json) {
        this.webhook = webhook;
        this.config = config;
        this.json = json;
    }

    @GET
    @Operation(summary = "Meta's subscription handshake: echoes hub.challenge when hub.verify_token matches")
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                           @QueryParam("hub.challenge") String challenge) {
        String expected = config.facebook().verifyToken().orElse(null);
        boolean ok = "subscribe".equals(mode) && token != null && expected != null && challenge != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
        return ok ? Response.ok(challenge, MediaType.TEXT_PLAIN).build()
                : ProblemMapper.render(403, "Forbidden", "Subscription not verified", "hub.verify_token", null, null).build();
    }

    @POST
    @Operation(summary = "Feed changes from the page, signed by Meta (X-Hub-Signature-256)")
    public Response deliver(byte[] body, @HeaderParam("X-Hub-Signature-256") String signature) {
        String secret = config.facebook().appSecret().orElse(null);
        if (secret == null || !Signatures.same(sign(secret, body), signature)) {
            LOG.warnf("Facebook delivery refused: missing or wrong X-Hub-Signature-256 (%d bytes)", body.length);
            return ProblemMapper.render(401, "Unauthorized", "Missing or wrong X-Hub-Signature-256", "X-Hub-Signature-256", null, null).build();
        }
        JsonNode delivery;
        try {
            // Bytes that are not UTF-8 become U+FFFD: a webhook's item is cleaned and taken, not refused.
            delivery = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            LOG.warnf("Facebook delivery refused: not JSON (%s)", e.getMessage());
            return ProblemMapper.render(400, "Malformed request body", "The delivery is not JSON", null, null, null).build();
        }
        if (delivery == null || !delivery.isObject()) {
            return ProblemMapper.render(400, "Malformed request body", "The delivery is not a JSON object", null, null, null).build();
        }
        if (!"page".equals(delivery.path("object").asText())) {
            LOG.infof("Facebook delivery for object '%s' passed over", delivery.path("object").asText());
            return Response.ok(Map.of("taken", 0)).type(MediaType.APPLICATION_JSON).build();
        }
        FacebookWebhook.Outcome o = webhook.take(delivery);
        LOG.debugf("Facebook delivery: %s", o);
        return Response.ok(o).type(MediaType.APPLICATION_JSON).build();
    }

    static String sign(String secret, byte[] body) {
        return "sha256=" + Signatures.hmacHex(secret, body);
    }
}
