package dev.ydmyk.storage;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;
import sun.misc.Signal;

import java.time.Duration;
import java.time.Instant;

/**
 * The one signal that the service is stopping. It is raised before any other part hears of the
 * stop, so schedulers and pollers start nothing new, and the stop waits (bounded) for the jobs
 * already running before the database goes away. While stopping, a job's failure is expected
 * (its connection may be closing) and is not worth an ERROR: the work is retried after the restart.
 */
@ApplicationScoped
public class Stopping {

    private static final Logger LOG = Logger.getLogger(Stopping.class);
    static final Duration JOBS_FINISH = Duration.ofSeconds(20);

    private volatile boolean stopping;
    private int running;

    /**
     * SIGTERM is how an operator or a supervisor asks for a stop: it runs the orderly stop like any
     * other and exits 0 (the JVM's own handler exits 143, which reads as a failure).
     */
    void onStart(@Observes StartupEvent ev) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        }
    }

    /** First of all observers of the stop. */
    void raise(@Observes @Priority(1) ShutdownEvent ev) {
        stopping = true;
    }

    /** Last of all observers of the stop: the jobs in flight finish before the datasource closes. */
    synchronized void awaitJobs(@Observes @Priority(Integer.MAX_VALUE - 1) ShutdownEvent ev) throws InterruptedException {
        Instant deadline = Instant.now().plus(JOBS_FINISH);
        while (running > 0 && Instant.now().isBefore(deadline)) {
            wait(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        }
        if (running > 0) {
            LOG.warnf("%d job(s) still running after %s; stopping anyway (their work is taken up again after the restart)", running, JOBS_FINISH);
        }
    }

    public boolean now() {
        return stopping;
    }

    /**
     * Runs a background job ({@link BackgroundJob}), unless the service is stopping. A failure while
     * stopping is logged quietly; otherwise it is thrown as before.
     */
    Object job(InvocationContext job) throws Exception {
        synchronized (this) {
            if (stopping) {
                return null;
            }
            running++;
        }
        try {
            return job.proceed();
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            LOG.debugf("%s ended by the stop: %s", job.getMethod().getDeclaringClass().getSimpleName(), e.getMessage());
            return null;
        } finally {
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }
}
