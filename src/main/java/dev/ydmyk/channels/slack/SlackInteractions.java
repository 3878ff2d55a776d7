package dev.ydmyk.channels.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.approval.ApprovalService;
import dev.ydmyk.approval.DraftStatus;
import dev.ydmyk.approval.Views;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.tone.ToneCheck;
import dev.ydmyk.tone.ToneReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What an agent's click or modal in Slack does. Answers fast (Slack gives up after 3 s): buttons
 * are acknowledged at once and acted on afterwards; a modal's edit is tone-checked before the
 * answer, so a flagged reply comes back as a field error in the modal.
 */
@ApplicationScoped
public class SlackInteractions {

    private static final Logger LOG = Logger.getLogger(SlackInteractions.class);

    private final SlackApi slack;
    private final ApprovalService approvals;
    private final Views views;
    private final ToneCheck toneCheck;
    private final Credentials credentials;
    private final YdmykConfig config;
    private final ObjectMapper json;
    private final Timer ack;
    private final ExecutorService after = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "slack-actions");
        t.setDaemon(true);
        return t;
    });

    public SlackInteractions(SlackApi slack, ApprovalService approvals, Views views, ToneCheck toneCheck,
                             Credentials credentials, YdmykConfig config, ObjectMapper json, MeterRegistry metrics) {
        this.slack = slack;
        this.approvals = approvals;
        this.views = views;
        this.toneCheck = toneCheck;
        this.credentials = credentials;
        this.config = config;
        this.json = json;
        this.ack = Timer.builder("ydmyk.slack.ack").description("Time to acknowledge a Slack interaction")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    /** Handles one interaction payload; returns the JSON to answer Slack with (empty map: plain 200). */
    Map<String, Object> handle(String payload) throws Exception {
        long t0 = System.nanoTime();
        try {
            JsonNode p = json.readTree(payload);
            String type = p.path("type").asText();
            String user = p.path("user").path("id").asText();
            Optional<Agent> agent = agentFor(user);
            if (type.equals("block_actions")) {
                String channel = p.path("channel").path("id").asText(config.slack().channel());
                if (agent.isEmpty()) {
                    later(() -> ephemeral(channel, user, "Your Slack user is not linked to a Ydmyk agent, so this did nothing. "
                            + "An operator can add ydmyk.agents.<login>.slack-user=" + user + "."));
                    return Map.of();
                }
                JsonNode action = p.path("actions").path(0);
                String actionId = action.path("action_id").asText();
                UUID draftId = UUID.fromString(action.path("value").asText());
                String trigger = p.path("trigger_id").asText();
                later(() -> button(agent.get(), actionId, draftId, trigger, channel, user));
                return Map.of();
            }
            if (type.equals("view_submission")) {
                return agent.map(a -> submit(a, p, user)).orElse(Map.of("response_action", "errors",
                        "errors", Map.of(SlackMessages.TEXT_BLOCK, "Your Slack user is not linked to a Ydmyk agent")));
            }
            return Map.of();
        } finally {
            ack.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Optional<Agent> agentFor(String slackUser) {
        return config.agents().entrySet().stream()
                .filter(e -> e.getValue().slackUser().map(slackUser::equals).orElse(false))
                .findFirst().flatMap(e -> credentials.agentByLogin(e.getKey()));
    }

    private void button(Agent agent, String actionId, UUID draftId, String trigger, String channel, String user) {
        if (actionId.equals(SlackMessages.APPROVE)) {
            decide(channel, user, () -> approvals.approve(draftId, agent, null));
            return;
        }
        Views.DraftView d = views.draft(draftId);
        if (d.status() != DraftStatus.PENDING) {
            ephemeral(channel, user, alreadyDecided(d));
            return;
        }
        try {
            var r = slack.methods().viewsOpen(v -> v.triggerId(trigger)
                    .view(withChannel(SlackMessages.modal(actionId, d, null), channel)));
            if (!r.isOk()) {
                LOG.warnf("views.open failed: %s", r.getError());
            }
        } catch (Exception e) {
            LOG.warnf(e, "views.open failed for draft %s", draftId);
        }
    }

    private Map<String, Object> submit(Agent agent, JsonNode p, String user) {
        JsonNode view = p.path("view");
        String action = view.path("callback_id").asText();
        String[] meta = view.path("private_metadata").asText().split("\\|", 2);
        UUID draftId = UUID.fromString(meta[0]);
        String channel = meta.length > 1 ? meta[1] : config.slack().channel();
        JsonNode values = view.path("state").path("values");
        if (action.equals(SlackMessages.EDIT)) {
            String text = values.path(SlackMessages.TEXT_BLOCK).path(SlackMessages.TEXT_BLOCK).path("value").asText("");
            String override = values.path(SlackMessages.OVERRIDE_BLOCK).path(SlackMessages.OVERRIDE_BLOCK).path("value").asText("");
            Views.DraftView d = views.draft(draftId);
            ToneReport report = toneCheck.check(text, d.language(), d.complaint().text());
            if (!report.clean() && override.isBlank()) {
                return Map.of("response_action", "errors", "errors", Map.of(SlackMessages.TEXT_BLOCK,
                        "The tone check objects: " + SlackMessages.findings(report.findings())
                                + ". Fix the text, or give a reason below to send it anyway."));
            }
            later(() -> decide(channel, user, () -> approvals.approve(draftId, agent,
                    new ApprovalService.Approval(text, override.isBlank() ? null : override))));
            return Map.of();
        }
        String note = values.path(SlackMessages.NOTE_BLOCK).path(SlackMessages.NOTE_BLOCK).path("value").asText("");
        later(() -> decide(channel, user, () -> {
            if (action.equals(SlackMessages.REJECT)) {
                approvals.reject(draftId, agent, note);
            } else {
                approvals.redraft(draftId, agent, note);
            }
        }));
        return Map.of();
    }

    private void decide(String channel, String user, Runnable decision) {
        try {
            decision.run();
        } catch (Problem p) {
            ephemeral(channel, user, p.status() == 409 ? p.getMessage() : p.title() + ": " + p.getMessage());
        }
    }

    private static String alreadyDecided(Views.DraftView d) {
        return "This draft is already " + d.status().wire() + (d.decidedBy() == null ? "" : " (by " + d.decidedBy() + ")") + ".";
    }

    private static com.slack.api.model.view.View withChannel(com.slack.api.model.view.View v, String channel) {
        v.setPrivateMetadata(v.getPrivateMetadata() + "|" + channel);
        return v;
    }

    private void ephemeral(String channel, String user, String text) {
        try {
            slack.methods().chatPostEphemeral(m -> m.channel(channel).user(user).text(text));
        } catch (Exception e) {
            LOG.warnf("Could not tell %s in Slack: %s (%s)", user, text, e.getMessage());
        }
    }

    private void later(Runnable work) {
        after.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("Slack action failed", e);
            }
        });
    }
}
