package dev.ydmyk.channels.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.approval.ApprovalService;
import dev.ydmyk.approval.Views;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.DraftStatus;
import dev.ydmyk.incidents.Incidents;
import dev.ydmyk.problem.CleanText;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.tone.ToneCheck;
import dev.ydmyk.tone.ToneReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private static final Set<String> ACTIONS = Set.of(SlackMessages.APPROVE, SlackMessages.EDIT, SlackMessages.REJECT, SlackMessages.REDRAFT);
    private static final Set<String> MODALS = Set.of(SlackMessages.EDIT, SlackMessages.REJECT, SlackMessages.REDRAFT);

    private final SlackApi slack;
    private final ApprovalService approvals;
    private final Incidents incidents;
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
                             Credentials credentials, YdmykConfig config, ObjectMapper json, MeterRegistry metrics, Incidents incidents) {
        this.incidents = incidents;
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

    /**
     * Handles one interaction payload; returns the JSON to answer Slack with (empty map: plain 200).
     * A payload that verifies but does not parse is refused (400, logged) before anything is done.
     */
    Map<String, Object> handle(String payload) throws Exception {
        long t0 = System.nanoTime();
        try {
            JsonNode p = parse(payload);
            String type = p.path("type").asText();
            String user = p.path("user").path("id").asText();
            if (type.equals("block_actions")) {
                JsonNode action = p.path("actions").path(0);
                String actionId = action.path("action_id").asText();
                if (!ACTIONS.contains(actionId) && !actionId.equals(SlackMessages.INCIDENT_APPROVE)) {
                    throw refused("payload.actions[0].action_id", "not one of our buttons: " + actionId);
                }
                String channel = p.path("channel").path("id").asText(config.slack().channel());
                if (actionId.equals(SlackMessages.INCIDENT_APPROVE)) {
                    String[] value = action.path("value").asText().split("\\|", 2);
                    UUID incidentId = uuid(value[0], "payload.actions[0].value");
                    String purpose = value.length > 1 ? value[1] : "acknowledgement";
                    Optional<Agent> agent = agentFor(user);
                    later(() -> agent.ifPresentOrElse(a -> decide(channel, user, () -> incidents.approve(incidentId, a, purpose, List.of(), false)),
                            () -> ephemeral(channel, user, "Your Slack user is not linked to a Ydmyk agent, so this did nothing.")));
                    return Map.of();
                }
                UUID draftId = uuid(action.path("value").asText(), "payload.actions[0].value");
                Optional<Agent> agent = agentFor(user);
                if (agent.isEmpty()) {
                    later(() -> ephemeral(channel, user, "Your Slack user is not linked to a Ydmyk agent, so this did nothing. "
                            + "An operator can add ydmyk.agents.<login>.slack-user=" + user + "."));
                    return Map.of();
                }
                String trigger = p.path("trigger_id").asText();
                later(() -> button(agent.get(), actionId, draftId, trigger, channel, user));
                return Map.of();
            }
            if (type.equals("view_submission")) {
                JsonNode view = p.path("view");
                String action = view.path("callback_id").asText();
                if (!MODALS.contains(action)) {
                    throw refused("payload.view.callback_id", "not one of our modals: " + action);
                }
                String[] meta = view.path("private_metadata").asText().split("\\|", 2);
                UUID draftId = uuid(meta[0], "payload.view.private_metadata");
                return agentFor(user).map(a -> submit(a, view, action, draftId, meta, user)).orElse(Map.of("response_action", "errors",
                        "errors", Map.of(SlackMessages.TEXT_BLOCK, "Your Slack user is not linked to a Ydmyk agent")));
            }
            return Map.of();
        } finally {
            ack.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private JsonNode parse(String payload) {
        JsonNode p;
        try {
            p = json.readTree(payload);
        } catch (Exception e) {
            throw refused("payload", "not JSON");
        }
        if (p == null || !p.isObject()) {
            throw refused("payload", "not a JSON object");
        }
        return p;
    }

    private static UUID uuid(String value, String field) {
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw refused(field, "not a draft id");
    }

    private static Problem refused(String field, String why) {
        LOG.warnf("Slack interaction refused: %s %s", field, why.length() > 100 ? why.substring(0, 100) + "…" : why);
        return Problem.invalid(field, "Slack payload refused: " + field + " is " + why);
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

    private Map<String, Object> submit(Agent agent, JsonNode view, String action, UUID draftId, String[] meta, String user) {
        String channel = meta.length > 1 ? meta[1] : config.slack().channel();
        JsonNode values = view.path("state").path("values");
        if (action.equals(SlackMessages.EDIT)) {
            String text = CleanText.of(values.path(SlackMessages.TEXT_BLOCK).path(SlackMessages.TEXT_BLOCK).path("value").asText(""));
            String override = CleanText.of(values.path(SlackMessages.OVERRIDE_BLOCK).path(SlackMessages.OVERRIDE_BLOCK).path("value").asText(""));
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
        String note = CleanText.of(values.path(SlackMessages.NOTE_BLOCK).path(SlackMessages.NOTE_BLOCK).path("value").asText(""));
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
