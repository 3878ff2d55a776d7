package dev.ydmyk.channels;

import dev.ydmyk.approval.DraftChanged;
import dev.ydmyk.approval.Views;

/**
 * A chat surface where agents decide drafts (the built-in channel page, Slack). Every channel is
 * told of every change, whichever channel (or the API) made it, so they all show the same queue.
 */
public interface ApprovalChannel {

    void draftChanged(DraftChanged change, Views.DraftView draft);
}
