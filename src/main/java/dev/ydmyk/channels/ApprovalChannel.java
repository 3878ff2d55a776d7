package dev.ydmyk.channels;

import dev.ydmyk.approval.Views;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.incidents.IncidentChanged;
import dev.ydmyk.incidents.IncidentViews;
import dev.ydmyk.notices.Escalation;
import dev.ydmyk.notices.Notice;

/**
 * A chat surface where agents decide drafts (the built-in channel page, Slack). Every channel is
 * told of every change, whichever channel (or the API) made it, so they all show the same queue.
 */
public interface ApprovalChannel {

    void draftChanged(DraftChanged change, Views.DraftView draft);

    /** A complaint needs a person now (severe after hours, or past its deadline). */
    default void escalate(Escalation escalation) {
    }

    /** A message for everyone in the channel: the morning digest, a warning, a reminder. */
    default void notice(Notice notice) {
    }

    /** An incident formed, grew, was decided or resolved: its one card is redrawn, never a card per member. */
    default void incidentChanged(IncidentChanged change, IncidentViews.Detail incident) {
    }
}
