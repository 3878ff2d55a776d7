package dev.ydmyk.channels;

import dev.ydmyk.approval.Views;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.incidents.IncidentChanged;
import dev.ydmyk.incidents.IncidentViews;
import dev.ydmyk.notices.Escalation;
import dev.ydmyk.notices.Notice;
import dev.ydmyk.publishing.PublishingFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Supplier;

/**
 * Hands each committed draft change, notice and escalation (all CDI events fired by the core and
 * the scheduler) to every {@link ApprovalChannel}; one failing channel does not stop the others.
 */
@ApplicationScoped
public class ChannelFanout {

    private static final Logger LOG = Logger.getLogger(ChannelFanout.class);

    private final Instance<ApprovalChannel> channels;
    private final Views views;
    private final IncidentViews incidents;
    private final NoticeRepository board;
    private final ChannelPage page;

    public ChannelFanout(Instance<ApprovalChannel> channels, Views views, IncidentViews incidents, NoticeRepository board, ChannelPage page) {
        this.channels = channels;
        this.views = views;
        this.incidents = incidents;
        this.board = board;
        this.page = page;
    }

    /** Kept for the notices tray first (a reload shows it), then shown on every open page. */
    private void pin(Supplier<NoticeRepository.Stored> store) {
        try {
            page.pinned(store.get());
        } catch (RuntimeException e) {
            LOG.warnf(e, "A notice could not be kept for the notices tray");
        }
    }

    void onIncident(@Observes IncidentChanged change) {
        IncidentViews.Detail incident;
        try {
            incident = incidents.detail(change.incidentId());
        } catch (RuntimeException e) {
            LOG.warnf("Incident %s changed but could not be read for the channels: %s", change.incidentId(), e.getMessage());
            return;
        }
        for (ApprovalChannel channel : channels) {
            try {
                channel.incidentChanged(change, incident);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Channel %s could not take the change to incident %s", channel.getClass().getSimpleName(), change.incidentId());
            }
        }
    }

    void onNotice(@Observes Notice notice) {
        pin(() -> board.record(notice));
        for (ApprovalChannel channel : channels) {
            try {
                channel.notice(notice);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Channel %s could not take the notice", channel.getClass().getSimpleName());
            }
        }
    }

    void onEscalation(@Observes Escalation escalation) {
        pin(() -> board.record(escalation));
        for (ApprovalChannel channel : channels) {
            try {
                channel.escalate(escalation);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Channel %s could not take the escalation", channel.getClass().getSimpleName());
            }
        }
    }

    /** A message to a customer that will not go out: every agent should know, and why. */
    void onPublishingFailed(@Observes PublishingFailed failed) {
        onNotice(new Notice("publishing-failed", "A " + failed.purpose().key() + " could not be published", List.of(
                "Complaint " + failed.complaintId() + " (" + failed.source() + "): " + failed.reason(),
                "It stays approved and is not tried again; answer the customer another way.")));
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
