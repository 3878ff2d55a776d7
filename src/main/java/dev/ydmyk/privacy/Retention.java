package dev.ydmyk.privacy;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.storage.BackgroundJob;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Nightly, erases the personal data of complaints received longer ago than
 * {@code ydmyk.retention.personal-data}, as an administrator's erasure does. Unset: nothing is erased.
 * Several instances may run it at once: each complaint is erased once (rows are locked and skipped).
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final DataRights rights;
    private final YdmykConfig config;
    private final Clock clock;

    public Retention(DataRights rights, YdmykConfig config, Clock clock) {
        this.rights = rights;
        this.config = config;
        this.clock = clock;
    }

    void check(@Observes StartupEvent ev) {
        config.retention().personalData().ifPresent(keep -> {
            if (keep.isNegative() || keep.isZero()) {
                throw new IllegalStateException("ydmyk.retention.personal-data must be a positive duration such as P180D, not " + keep);
            }
            LOG.infof("Personal data is kept for %s, then erased nightly (%s)", keep, config.retention().cron());
        });
    }

    @BackgroundJob
    @Scheduled(cron = "${ydmyk.retention.cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        run();
    }

    /** Erases what is older than the retention period; empty when no period is set. */
    public Optional<DataRights.Erasure> run() {
        Optional<Duration> keep = config.retention().personalData();
        if (keep.isEmpty()) {
            return Optional.empty();
        }
        DataRights.Erasure erased = rights.eraseReceivedBefore(clock.instant().minus(keep.get()), "ydmyk.retention.personal-data=" + keep.get());
        if (erased.complaints() > 0 || erased.passedOverMail() > 0 || erased.passedOverFacebook() > 0) {
            LOG.infof("Retention erased personal data: %s", erased.summary());
        }
        return Optional.of(erased);
    }
}
