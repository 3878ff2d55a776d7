package dev.ydmyk.schedule;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.FirstDraftQueued;
import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Sections;
import dev.ydmyk.intake.Complaint;
import dev.ydmyk.publishing.PublishingService;
import dev.ydmyk.tone.ToneCheck;
import dev.ydmyk.triage.Kind;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The one thing sent without a person's approval at the time: with {@code ydmyk.holding.enabled}
 * and an administrator's standing approval ({@code ydmyk.holding.approved-by}), a complaint that
 * arrives out of hours gets the short holding reply from {@code prompts/<lang>/holding.txt} at once
 * ("we have seen this; NAME will get back to you at 08:00"). Its full draft still waits for a person.
 * This class only decides that a holding reply is due and what it says; it goes out through the one
 * publishing pipeline ({@link PublishingService#hold}), like every other message to a customer.
 */
@ApplicationScoped
public class HoldingReplies {

    private static final Logger LOG = Logger.getLogger(HoldingReplies.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final YdmykConfig config;
    private final BusinessHours hours;
    private final OnCall onCall;
    private final GuidelineFiles files;
    private final ToneCheck toneCheck;
    private final PublishingService publishing;
    private final Clock clock;

    public HoldingReplies(YdmykConfig config, BusinessHours hours, OnCall onCall, GuidelineFiles files, ToneCheck toneCheck,
                          PublishingService publishing, Clock clock) {
        this.config = config;
        this.hours = hours;
        this.onCall = onCall;
        this.files = files;
        this.toneCheck = toneCheck;
        this.publishing = publishing;
        this.clock = clock;
    }

    void check(@Observes StartupEvent ev) {
        if (config.holding().enabled() && config.holding().approvedBy().filter(a -> !a.isBlank()).isEmpty()) {
            throw new IllegalStateException("ydmyk.holding.enabled=true needs ydmyk.holding.approved-by: "
                    + "the administrator whose standing approval the holding replies are sent under");
        }
    }

    void onFirstDraft(@Observes FirstDraftQueued queued) {
        if (queued.kind() == Kind.COMPLAINT) {
            afterDrafting(queued.complaint(), queued.language());
        }
    }

    /** Called once a complaint has been triaged and drafted: sends the holding reply if one is due. */
    public void afterDrafting(Complaint c, String language) {
        Instant now = clock.instant();
        if (!config.holding().enabled() || hours.isOpen(now)) {
            return;
        }
        String admin = config.holding().approvedBy().orElseThrow();
        Sections s = files.promptSections(language + "/holding.txt");
        List<String> variants = s.get("holding");
        if (variants.isEmpty()) {
            LOG.warnf("No [holding] text in prompts/%s/holding.txt: no holding reply for complaint %s", language, c.id());
            return;
        }
        String name = c.firstName();
        String who = onCall.at(now).map(Agent::name).map(n -> n.split(" ")[0]).orElse(s.get("team").isEmpty() ? "" : s.get("team").get(0));
        String opening = hours.nextOpening(now).map(i -> TIME.format(i.atZone(hours.zone()))).orElse("08:00");
        String text = variants.stream().filter(v -> name != null || !v.contains("{name}")).findFirst().orElse(variants.get(0))
                .replace("{name}", name == null ? "" : name).replace("{oncall}", who).replace("{opening}", opening)
                .replace("\\n", "\n").strip();
        if (!toneCheck.check(text, language, c.text()).clean()) {
            LOG.errorf("The holding reply in prompts/%s/holding.txt fails the tone check; not sending it", language);
            return;
        }
        publishing.hold(c.id(), text, admin);
    }
}
