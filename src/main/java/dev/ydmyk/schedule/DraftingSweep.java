package dev.ydmyk.schedule;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.Drafters;
import dev.ydmyk.drafting.DraftingWorker;
import dev.ydmyk.drafting.llm.FallbackRedrafter;
import dev.ydmyk.storage.BackgroundJob;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The scheduled drafting sweep ({@code ydmyk.sweep.cron}, every minute by default): drafts every
 * complaint still without one (after a crash, a model outage, a burst) and, with the model back and
 * {@code ydmyk.llm.redraft-fallbacks}, redrafts fallback drafts. Claims are shared through the
 * database, so sweeps on several instances never draft one complaint twice.
 */
@ApplicationScoped
public class DraftingSweep {

    private static final Logger LOG = Logger.getLogger(DraftingSweep.class);

    private final DraftingWorker worker;
    private final FallbackRedrafter fallbacks;
    private final Drafters drafters;
    private final YdmykConfig config;

    public DraftingSweep(DraftingWorker worker, FallbackRedrafter fallbacks, Drafters drafters, YdmykConfig config) {
        this.worker = worker;
        this.fallbacks = fallbacks;
        this.drafters = drafters;
        this.config = config;
    }

    @BackgroundJob
    @Scheduled(cron = "${ydmyk.sweep.cron:0 * * * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Drafts everything waiting; returns how many complaints it drafted. */
    public int run() {
        int drafted = 0;
        for (int n = worker.drainOnce(); n > 0; n = worker.drainOnce()) {
            drafted += n;
        }
        if (drafted > 0) {
            LOG.infof("Sweep drafted %d complaint(s) that were waiting", drafted);
        }
        if (drafters.usesModel() && config.llm().redraftFallbacks()) {
            fallbacks.sweep();
        }
        return drafted;
    }
}
