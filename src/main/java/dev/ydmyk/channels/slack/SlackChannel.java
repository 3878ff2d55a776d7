package dev.ydmyk.channels.slack;

import dev.ydmyk.approval.Views;
import dev.ydmyk.channels.ApprovalChannel;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.Draft;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.incidents.IncidentChanged;
import dev.ydmyk.incidents.IncidentViews;
import dev.ydmyk.notices.Escalation;
import dev.ydmyk.notices.Notice;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * Slack as an approval channel: each new draft is queued for posting (in the database, so a restart
 * neither loses nor repeats it), and each decision, wherever it was made, queues an update of its
 * message. An incident is one message, updated in place as it grows and is decided, never one per member. {@link SlackPoster} does the talking to Slack.
 */
@ApplicationScoped
public class SlackChannel implements ApprovalChannel {

    private final SlackApi slack;
    private final SlackOutbox outbox;
    private final YdmykConfig config;
    private final Clock clock;
    private final SlackPoster poster;
    private final IncidentViews incidents;

    public SlackChannel(SlackApi slack, SlackOutbox outbox, YdmykConfig config, Clock clock, SlackPoster poster, IncidentViews incidents) {
        this.incidents = incidents;
        this.slack = slack;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.poster = poster;
    }

    @Override
    public void draftChanged(DraftChanged change, Views.DraftView draft) {
        if (!slack.enabled()) {
            return;
        }
        if (draft.incidentId() != null) {
            // A storm is one message, updated in place: its first statement carries the incident's card.
            if (Draft.STATEMENT.equals(draft.purpose())) {
                UUID card = incidents.cardDraft(draft.incidentId()).orElse(draft.id());
                if (change.change() == DraftChanged.Change.CREATED && card.equals(draft.id())) {
                    outbox.post(card, config.slack().channel(), clock.instant());
                } else {
                    outbox.update(card, clock.instant());
                }
                poster.wake();
            }
            return;
        }
        if (change.change() == DraftChanged.Change.CREATED) {
            outbox.post(draft.id(), config.slack().channel(), clock.instant());
        } else {
            outbox.update(draft.id(), clock.instant());
        }
        poster.wake();
    }

    @Override
    public void incidentChanged(IncidentChanged change, IncidentViews.Detail incident) {
        if (!slack.enabled()) {
            return;
        }
        incidents.cardDraft(incident.id()).ifPresent(card -> {
            outbox.update(card, clock.instant());
            poster.wake();
        });
    }

    @Override
    public void notice(Notice notice) {
        if (!slack.enabled()) {
            return;
        }
        String text = "*" + SlackMessages.escape(notice.title()) + "*\n" + String.join("\n",
                notice.lines().stream().map(l -> "• " + SlackMessages.escape(l)).toList());
        try {
            slack.methods().chatPostMessage(m -> m.channel(config.slack().channel()).text(text));
        } catch (Exception ex) {
            throw new IllegalStateException("Slack notice failed: " + ex.getMessage(), ex);
        }
    }

    /** Escalations go straight out (they are rare), mentioning whoever is on call. */
    @Override
    public void escalate(Escalation e) {
        if (!slack.enabled()) {
            return;
        }
        String who = e.onCallSlackUser() != null ? "<@" + e.onCallSlackUser() + "> " : e.onCall() != null ? e.onCall().name() + ": " : "";
        String why = switch (e.reason()) {
            case SLA_BREACH -> "has waited past its first-response deadline";
            case ENGAGEMENT_GROWING -> "is drawing reactions fast, out of hours";
            case INCIDENT_FORMED -> "has begun: many customers about one thing";
            case CRITICAL -> "is critical (health, safety, grief, threats or the law): answer it first";
            default -> "is severe and it is out of hours";
        };
        if (e.reason() == Escalation.Reason.INCIDENT_FORMED) {
            String storm = ":rotating_light: " + who + SlackMessages.escape(e.author()) + ". " + SlackMessages.escape(e.excerpt())
                    + "\n<" + e.link() + "|Open the incident>";
            try {
                slack.methods().chatPostMessage(m -> m.channel(config.slack().channel()).text(storm));
            } catch (Exception ex) {
                throw new IllegalStateException("Slack escalation failed: " + ex.getMessage(), ex);
            }
            return;
        }
        String text = ":rotating_light: " + who + "a complaint from " + SlackMessages.escape(e.author() == null ? "a customer" : e.author())
                + " " + why + ".\n> " + SlackMessages.escape(e.excerpt()) + "\n<" + e.link() + "|Open the draft>";
        try {
            slack.methods().chatPostMessage(m -> m.channel(config.slack().channel()).text(text));
        } catch (Exception ex) {
            throw new IllegalStateException("Slack escalation failed: " + ex.getMessage(), ex);
        }
    }
}
