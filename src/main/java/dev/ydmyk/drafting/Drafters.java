package dev.ydmyk.drafting;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.triage.Kind;
import dev.ydmyk.triage.Triage;
import dev.ydmyk.drafting.llm.LlmDrafter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Locale;

/** Picks the drafter chosen by {@code ydmyk.drafter} at run time: one build serves both. */
@ApplicationScoped
public class Drafters {

    private static final Logger LOG = Logger.getLogger(Drafters.class);

    private final Drafter active;
    private final GuidelineDrafter guidelines;

    public Drafters(YdmykConfig config, GuidelineDrafter guidelines, LlmDrafter llm) {
        this.guidelines = guidelines;
        this.active = switch (config.drafter()) {
            case GUIDELINES -> guidelines;
            case LLM -> llm;
        };
    }

    void announce(@Observes StartupEvent ev) {
        LOG.infof("Drafting with the %s drafter", active instanceof LlmDrafter ? "llm" : "guidelines");
    }

    public Drafter active() {
        return active;
    }

    /** An incident's statement: the model's with ydmyk.drafter=llm (its fallback the composed wording), else the composed wording. */
    public DraftText statement(StatementRequest request) {
        return active instanceof LlmDrafter llm ? llm.statement(request) : request.composed();
    }

    /**
     * The draft to keep and the triage to store: where the model read the post otherwise than the
     * offline triage, the safer reading is stored; a model draft written for praise or a question when
     * the post may be a complaint is replaced by the guideline draft for the safer reading.
     */
    public Drafted reconcile(DraftText drafted, Triage offline, DraftRequest request) {
        if (drafted.reading() == null) {
            return new Drafted(drafted, offline);
        }
        Triage safer = drafted.reading().reconcile(offline);
        String modelKind = drafted.reading().kind() == null ? "" : drafted.reading().kind().strip().toLowerCase(Locale.ROOT);
        // Written for praise or a question, and the post stored as something else (a complaint, or a question the offline reading
        // took back from a complaint while the model saw praise): the guideline draft for the stored reading.
        boolean misread = !modelKind.equals(safer.kind().wire()) && (modelKind.equals("praise") || modelKind.equals("question"));
        if (!misread) {
            return new Drafted(drafted, safer);
        }
        DraftRequest again = new DraftRequest(request.complaint(), safer, request.language(), request.hint(), request.attempt(),
                request.conversation());
        return new Drafted(guidelines.draft(again).asFallback("model-read-as-" + modelKind), safer);
    }

    public record Drafted(DraftText text, Triage triage) {
    }

    public boolean usesModel() {
        return active instanceof LlmDrafter;
    }
}
