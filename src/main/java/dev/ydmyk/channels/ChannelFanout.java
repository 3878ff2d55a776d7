package dev.ydmyk.channels;

import dev.ydmyk.approval.DraftChanged;
import dev.ydmyk.approval.Views;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/** Hands each committed draft change to every {@link ApprovalChannel}; one failing channel does not stop the others. */
@ApplicationScoped
public class ChannelFanout {

    private static final Logger LOG = Logger.getLogger(ChannelFanout.class);

    private final Instance<ApprovalChannel> channels;
    private final Views views;

    public ChannelFanout(Instance<ApprovalChannel> channels, Views views) {
        this.channels = channels;
        this.views = views;
    }

    /** Tells every channel; one failing channel does not stop the others. */
    public void notice(Notice notice) {
        for (ApprovalChannel channel : channels) {
            try {
                channel.notice(notice);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Channel %s could not take the notice", channel.getClass().getSimpleName());
            }
        }
    }

    void onChange(@Observes DraftChanged change) {
        Views.DraftView draft;
        try {
            draft = views.draft(change.draftId());
        } catch (RuntimeException e) {
            LOG.warnf("Draft %s changed but could not be read for the channels: %s", change.draftId(), e.getMessage());
            return;
        }
        for (ApprovalChannel channel : channels) {
            try {
                channel.draftChanged(change, draft);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Channel %s could not take the change to draft %s", channel.getClass().getSimpleName(), change.draftId());
            }
        }
    }
}
