package dev.ydmyk.intake;

import dev.ydmyk.drafting.DraftingWorker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Takes a complaint in: committed before we answer, drafted afterwards off the request thread. */
@ApplicationScoped
public class IntakeService {

    private final ComplaintRepository complaints;
    private final DraftingWorker drafting;
    private final Clock clock;
    private final MeterRegistry metrics;

    public IntakeService(ComplaintRepository complaints, DraftingWorker drafting, Clock clock, MeterRegistry metrics) {
        this.complaints = complaints;
        this.drafting = drafting;
        this.clock = clock;
        this.metrics = metrics;
    }

    public ComplaintRepository.Stored accept(NewComplaint complaint) {
        ComplaintRepository.Stored stored = complaints.store(complaint, clock.instant());
        if (stored.created()) {
            metrics.counter("ydmyk.complaints.received", "source", complaint.source()).increment();
            drafting.wake();
        }
        return stored;
    }
}
