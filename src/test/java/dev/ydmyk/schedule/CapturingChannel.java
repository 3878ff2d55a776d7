package dev.ydmyk.schedule;

import dev.ydmyk.approval.Views;
import dev.ydmyk.channels.ApprovalChannel;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.notices.Escalation;
import dev.ydmyk.notices.Notice;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A chat channel for tests that keeps every escalation it is given. */
@ApplicationScoped
public class CapturingChannel implements ApprovalChannel {

    private final List<Escalation> escalations = new CopyOnWriteArrayList<>();
    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    public List<Notice> notices() {
        return notices;
    }

    @Override
    public void notice(Notice notice) {
        notices.add(notice);
    }

    /** Read through this method: a field read on the CDI client proxy would see the proxy's own field. */
    public List<Escalation> escalations() {
        return escalations;
    }

    @Override
    public void draftChanged(DraftChanged change, Views.DraftView draft) {
    }

    @Override
    public void escalate(Escalation escalation) {
        escalations.add(escalation);
    }
}
