package dev.ydmyk.incidents;

import dev.ydmyk.drafting.Draft;
import dev.ydmyk.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** What agents and channels read about incidents. */
@ApplicationScoped
public class IncidentViews {

    public record Summary(UUID id, String status, String title, List<String> topics, int size, Instant firstAt, Instant lastAt,
                          Instant formedAt, String autoApproveBy) {
    }

    public record Arrivals(String minute, int count) {
    }

    public record StatementView(UUID draftId, String language, String status, String text, String url, Instant createdAt) {
    }

    /** Pending, held (need a person), approved, sent: the acknowledgements or report-backs of the incident. */
    public record Counts(int pending, int held, int approved, int sent, int withdrawn) {
    }

    public record Held(UUID draftId, UUID complaintId, String reason) {
    }

    public record Detail(UUID id, String status, String title, List<String> topics, Map<String, Integer> languages, int size,
                         Instant firstAt, Instant lastAt, Instant formedAt, String thread, List<Arrivals> perMinute,
                         List<StatementView> statements, Counts acknowledgements, Counts reportBacks, List<Held> held,
                         String autoApproveBy, Instant resolvedAt, String resolvedBy, String note, UUID mergedInto) {
    }

    public record Member(UUID complaintId, UUID incidentId, String authorName, String text, String language, String kind,
                         Instant receivedAt) {
    }

    public record Page(int offset, int limit, int total, List<Member> complaints) {
    }

    private final IncidentRepository incidents;

    public IncidentViews(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    public Summary summary(Incident i) {
        return new Summary(i.id(), i.status(), i.title(), i.topics(), i.size(), i.firstAt(), i.lastAt(), i.formedAt(), i.autoApproveBy());
    }

    public Detail detail(UUID id) {
        Incident i = incidents.find(id).orElseThrow(() -> Problem.notFound("incident", id));
        List<IncidentRepository.Pending> pendingAcks = incidents.pending(id, Draft.ACKNOWLEDGEMENT);
        List<IncidentRepository.Pending> pendingReports = incidents.pending(id, Draft.REPORT_BACK);
        List<Held> held = Stream.concat(pendingAcks.stream(), pendingReports.stream()).filter(p -> p.held() != null)
                .map(p -> new Held(p.draftId(), p.complaintId(), p.held())).toList();
        return new Detail(i.id(), i.status(), i.title(), i.topics(), incidents.languages(id), i.size(), i.firstAt(), i.lastAt(),
                i.formedAt(), i.thread(),
                incidents.perMinute(id).entrySet().stream().map(e -> new Arrivals(e.getKey(), e.getValue())).toList(),
                incidents.statements(id).stream().map(s -> new StatementView(s.draftId(), s.language(), s.status(), s.text(),
                        Incidents.statementUrl(s.externalId()), s.createdAt())).toList(),
                counts(id, Draft.ACKNOWLEDGEMENT, pendingAcks), counts(id, Draft.REPORT_BACK, pendingReports), held,
                i.autoApproveBy(), i.resolvedAt(), i.resolvedBy(), i.note(), i.mergedInto());
    }

    /** The draft whose Slack message is the incident's one card: its first statement. */
    public Optional<UUID> cardDraft(UUID incidentId) {
        List<IncidentRepository.Statement> s = incidents.statements(incidentId);
        return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0).draftId());
    }

    public Page members(UUID id, int offset, int limit) {
        Incident i = incidents.find(id).orElseThrow(() -> Problem.notFound("incident", id));
        List<Member> page = incidents.members(id, offset, limit).stream()
                .map(m -> new Member(m.id(), m.incidentId(), m.authorName(), m.text(), m.language(), m.kind(), m.receivedAt())).toList();
        return new Page(offset, limit, i.size(), page);
    }

    private Counts counts(UUID id, String purpose, List<IncidentRepository.Pending> pending) {
        Map<String, Integer> byStatus = incidents.draftCounts(id, purpose);
        int held = (int) pending.stream().filter(p -> p.held() != null).count();
        return new Counts(pending.size() - held, held, byStatus.getOrDefault("approved", 0), byStatus.getOrDefault("sent", 0),
                byStatus.getOrDefault("withdrawn", 0));
    }
}
