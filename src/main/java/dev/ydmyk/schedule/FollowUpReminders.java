package dev.ydmyk.schedule;

import dev.ydmyk.approval.FollowUps;
import dev.ydmyk.storage.BackgroundJob;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Every minute, the channels hear of promises to come back that are now overdue. */
@ApplicationScoped
public class FollowUpReminders {

    private final FollowUps followUps;

    public FollowUpReminders(FollowUps followUps) {
        this.followUps = followUps;
    }

    @BackgroundJob
    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        followUps.remindOverdue();
    }
}
