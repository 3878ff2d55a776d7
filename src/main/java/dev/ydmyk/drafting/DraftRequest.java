package dev.ydmyk.drafting;

import dev.ydmyk.intake.Complaint;
import dev.ydmyk.triage.Triage;

/**
 * What a drafter is given: the complaint, what triage made of it, the language to answer in, the
 * agent's hint when this is a redraft, and how many drafts came before (so wording can vary). When
 * the complaint's report-back note is set, the draft tells the customer what was done.
 */
public record DraftRequest(Complaint complaint, Triage triage, String language, String hint, int attempt) {

    public String reportBack() {
        return complaint.reportBackNote();
    }
}
