package dev.ydmyk.channels.slack;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.problem.ProblemMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Slack's interactivity request URL: button clicks and modal submissions. */
@Path("/slack/interactions")
public class SlackResource {

    private static final Logger LOG = Logger.getLogger(SlackResource.class);

    private final SlackInteractions interactions;
    private final YdmykConfig config;
    private final Clock clock;

    public SlackResource(SlackInteractions interactions, YdmykConfig config, Clock clock) {
        this.interactions = interactions;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack interactions (block_actions, view_submission), signed by Slack")
    public Response interact(byte[] body, @HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                             @HeaderParam("X-Slack-Signature") String signature) throws Exception {
        if (!SlackSignature.valid(config.slack().signingSecret().orElse(null), timestamp, signature, body, clock.instant())) {
            return ProblemMapper.render(401, "Unauthorized", "Missing, invalid or stale Slack signature", "X-Slack-Signature", null, null).build();
        }
        String payload = null;
        try {
            String form = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
            for (String pair : form.split("&")) {
                if (pair.startsWith("payload=")) {
                    payload = URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            LOG.warnf("Slack interaction refused: the form is not UTF-8 or not %%-encoded (%s)", e.getMessage());
            return ProblemMapper.render(400, "Invalid request", "The form is not valid UTF-8 or %-encoding", "payload", null, null).build();
        }
        if (payload == null) {
            return ProblemMapper.render(400, "Invalid request", "No payload field", "payload", null, null).build();
        }
        Map<String, Object> answer = interactions.handle(payload);
        return answer.isEmpty() ? Response.ok().build() : Response.ok(answer).build();
    }
}
