package dev.ydmyk.drafting;

import dev.ydmyk.guidelines.Sections;
import dev.ydmyk.intake.ComplaintRepository;
import dev.ydmyk.triage.Severity;
import dev.ydmyk.triage.Triage;
import dev.ydmyk.triage.TopicCatalog;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The offline drafter: composes a reply from the support lead's wording in
 * {@code prompts/<lang>/reply.txt}. A {@code [compose:KIND]} section lists the parts in order;
 * each part has several variants and one is picked per draft, so replies do not all read alike.
 * Variants that use {@code {name}} or {@code {detail}} are only picked when those are known, and
 * preferred when they are: personal beats generic. A critical complaint has its own wording, and so
 * has one the triage is {@code uncertain} about ({@code [compose:complaint-uncertain]}).
 */
@ApplicationScoped
public class GuidelineDrafter implements Drafter {

    public static final String NAME = "guidelines";
    private static final int MAX_DETAIL = 40;

    private final ReplyGuidelines guidelines;
    private final TopicCatalog topics;

    public GuidelineDrafter(ReplyGuidelines guidelines, TopicCatalog topics) {
        this.guidelines = guidelines;
        this.topics = topics;
    }

    @Override
    public DraftText draft(DraftRequest req) {
        Sections s = guidelines.forLanguage(req.language());
        Triage t = req.triage();
        RedraftHint hint = RedraftHint.read(req.hint(), guidelines, topics);
        String kind = req.reportBack() != null ? "report-back" : t.kind().wire();
        if (kind.equals("complaint") && t.severity() == Severity.CRITICAL && !s.get("compose:complaint-critical").isEmpty()) {
            kind = "complaint-critical"; // its own words: no boilerplate for a child in hospital or a funeral
        } else if (kind.equals("complaint") && req.conversation().stream().anyMatch(ComplaintRepository.Turn::ours)
                && !s.get("compose:follow-up").isEmpty()) {
            // The customer answers a reply of ours ("Takk for svaret, men…"): build on what we promised instead of starting over.
            kind = "follow-up";
        } else if (kind.equals("complaint") && t.flagged(Triage.UNCERTAIN) && !t.flagged(Triage.NO_KIND_WORDS)
                && !s.get("compose:complaint-uncertain").isEmpty()) {
            // The safe reading of a post that may be praise: thanks for writing, not for kind words, and no apology.
            // A question or a complaint with no kind words in it has nothing to protect, and gets the four moves.
            kind = "complaint-uncertain";
        }
        if (s.get("compose:" + kind).isEmpty()) {
            throw new IllegalStateException("prompts/" + req.language() + "/reply.txt has no [compose:" + kind + "] section");
        }
        // Variants are picked per complaint and then rotated by the attempt, so a redraft never repeats the draft before it.
        Random random = new Random(req.complaint().id().hashCode());
        String topic = hint.topic() != null ? hint.topic() : t.primaryTopic();
        // An uncertain reading is no place for a topic's remedy: the general one commits to looking into it, unless the agent names a topic.
        String remedyTopic = hint.topic() == null && t.flagged(Triage.UNCERTAIN) ? "general" : topic;
        Composition text = new Composition(s).styled(hint.styles())
                .with("name", req.complaint().firstName())
                .with("detail", detail(t, req.complaint().firstName()))
                .with("staff", t.staff())
                .with("topic", pick(s.get("topic:" + topic), s.get("topic:general"), random))
                .with("remedy", pick(s.get("remedy:" + topics.remedyOf(remedyTopic)), s.get("remedy:investigate"), random))
                .with("note", req.reportBack());
        return new DraftText(text.compose(kind, random, req.attempt()), req.language(), NAME, null, hint.note());
    }

    /** The concrete detail a reply can pick up from the post: short, and not the customer's own name. */
    public static String detail(Triage t, String name) {
        for (String d : t.details()) {
            if (d.length() <= MAX_DETAIL && (name == null || !d.equalsIgnoreCase(name))) {
                return d;
            }
        }
        return null;
    }

    private static String pick(List<String> preferred, List<String> fallback, Random random) {
        List<String> from = preferred.isEmpty() ? fallback : preferred;
        return from.isEmpty() ? "" : from.get(random.nextInt(from.size()));
    }
}
