package dev.ydmyk.channels.slack;

import dev.ydmyk.approval.Views;
import dev.ydmyk.channels.ApprovalChannel;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.notices.Escalation;
import dev.ydmyk.notices.Notice;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Slack as an approval channel: each new draft is queued for posting (in the database, so a restart
 * neither loses nor repeats it), and each decision, wherever it was made, queues an update of its
 * message. {@link SlackPoster} does the talking to Slack.
 */
@ApplicationScoped
public class SlackChannel implements ApprovalChannel {

    private final SlackApi slack;
    private final SlackOutbox outbox;
    private final YdmykConfig config;
    private final Clock clock;
    private final SlackPoster poster;

    public SlackChannel(SlackApi slack, SlackOutbox outbox, YdmykConfig config, Clock clock, SlackPoster poster) {
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
        if (change.change() == DraftChanged.Change.CREATED) {
            outbox.post(draft.id(), config.slack().channel(), clock.instant());
        } else {
            outbox.update(draft.id(), clock.instant());
        }
        poster.wake();
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
            default -> "is severe and it is out of hours";
        };
        String text = ":rotating_light: " + who + "a complaint from " + SlackMessages.escape(e.author() == null ? "a customer" : e.author())
                + " " + why + ".\n> " + SlackMessages.escape(e.excerpt()) + "\n<" + e.link() + "|Open the draft>";
        try {
            slack.methods().chatPostMessage(m -> m.channel(config.slack().channel()).text(text));
        } catch (Exception ex) {
            throw new IllegalStateException("Slack escalation failed: " + ex.getMessage(), ex);
        }
    }
}
