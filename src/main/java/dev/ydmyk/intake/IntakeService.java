package dev.ydmyk.intake;

import dev.ydmyk.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;

/** Takes a complaint in: committed before we answer, drafted afterwards off the request thread. */
@ApplicationScoped
public class IntakeService {

    private final ComplaintRepository complaints;
    private final Event<ComplaintReceived> received;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Instance<SourceIds> sourceIds;

    public IntakeService(ComplaintRepository complaints, Event<ComplaintReceived> received, Clock clock, MeterRegistry metrics,
                         Instance<SourceIds> sourceIds) {
        this.sourceIds = sourceIds;
        this.complaints = complaints;
        this.received = received;
        this.clock = clock;
        this.metrics = metrics;
    }

    public ComplaintRepository.Stored accept(NewComplaint complaint) {
        // A complaint whose id its source could never be answered at is refused, not sent elsewhere.
        for (SourceIds ids : sourceIds) {
            ids.refuses(complaint.source(), complaint.externalId()).ifPresent(why -> {
                throw Problem.invalid("externalId", why);
            });
        }
        ComplaintRepository.Stored stored = complaints.store(complaint, clock.instant());
        if (stored.created()) {
            metrics.counter("ydmyk.complaints.received", "source", complaint.source()).increment();
            received.fire(new ComplaintReceived(stored.id(), complaint.source()));
        }
        return stored;
    }
}
