package dev.ydmyk.drafting;

import dev.ydmyk.intake.Complaint;
import dev.ydmyk.intake.ComplaintRepository.Turn;
import dev.ydmyk.triage.Triage;

import java.util.List;

/**
 * What a drafter is given: the complaint, what triage made of it, the language to answer in, the
 * agent's hint when this is a redraft, and how many drafts came before (so wording can vary). When
 * the complaint's report-back note is set, the draft tells the customer what was done. When the
 * complaint answers an earlier message (a comment under our reply, an e-mail in a thread), the
 * conversation so far comes along, oldest first.
 */
public record DraftRequest(Complaint complaint, Triage triage, String language, String hint, int attempt,
                           List<Turn> conversation) {

    public DraftRequest(Complaint complaint, Triage triage, String language, String hint, int attempt) {
        this(complaint, triage, language, hint, attempt, List.of());
    }

    public String reportBack() {
        return complaint.reportBackNote();
    }
}
