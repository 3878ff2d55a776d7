package dev.ydmyk.drafting;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.llm.LlmDrafter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Picks the drafter chosen by {@code ydmyk.drafter} at run time: one build serves both. */
@ApplicationScoped
public class Drafters {

    private static final Logger LOG = Logger.getLogger(Drafters.class);

    private final Drafter active;

    public Drafters(YdmykConfig config, GuidelineDrafter guidelines, LlmDrafter llm) {
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

    public boolean usesModel() {
        return active instanceof LlmDrafter;
    }
}
