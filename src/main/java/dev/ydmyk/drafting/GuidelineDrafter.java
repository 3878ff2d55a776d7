package dev.ydmyk.drafting;

import dev.ydmyk.guidelines.Sections;
import dev.ydmyk.intake.ComplaintRepository;
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
 * preferred when they are: personal beats generic.
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
        String kind = req.reportBack() != null ? "report-back" : t.kind().wire();
        if (kind.equals("complaint") && req.conversation().stream().anyMatch(ComplaintRepository.Turn::ours)
                && !s.get("compose:follow-up").isEmpty()) {
            // The customer answers a reply of ours: build on what we promised instead of starting over.
            kind = "follow-up";
        }
        List<String> parts = s.get("compose:" + kind);
        if (parts.isEmpty()) {
            throw new IllegalStateException("prompts/" + req.language() + "/reply.txt has no [compose:" + kind + "] section");
        }
        // Variants are picked per complaint and then rotated by the attempt, so a redraft never repeats the draft before it.
        Random random = new Random(req.complaint().id().hashCode());
        Values values = new Values(req.complaint().firstName(), detail(t, req.complaint().firstName()),
                pick(s.get("topic:" + t.primaryTopic()), s.get("topic:general"), random),
                pick(s.get("remedy:" + topics.remedyOf(t.primaryTopic())), s.get("remedy:investigate"), random),
                req.reportBack() == null ? "" : req.reportBack().strip());

        List<String> paragraphs = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : parts) {
            for (String part : line.split("\\s+")) {
                boolean ownParagraph = part.startsWith("|");
                String section = ownParagraph ? part.substring(1) : part;
                String sentence = fill(choose(s.get(section), values, random, req.attempt()), values);
                if (sentence.isEmpty()) {
                    continue;
                }
                if (ownParagraph) {
                    if (!body.isEmpty()) {
                        paragraphs.add(body.toString());
                        body.setLength(0);
                    }
                    paragraphs.add(sentence);
                } else {
                    body.append(body.isEmpty() ? "" : " ").append(sentence);
                }
            }
        }
        if (!body.isEmpty()) {
            paragraphs.add(body.toString());
        }
        return new DraftText(String.join("\n\n", paragraphs).replace("\\n", "\n"), req.language(), NAME);
    }

    private record Values(String name, String detail, String topic, String remedy, String note) {
    }

    private static String detail(Triage t, String name) {
        for (String d : t.details()) {
            if (d.length() <= MAX_DETAIL && (name == null || !d.equalsIgnoreCase(name))) {
                return d;
            }
        }
        return null;
    }

    /** Personal variants first: those that use what we know, and none that need what we do not. */
    private static String choose(List<String> variants, Values v, Random random, int attempt) {
        List<String> usable = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        for (String variant : variants) {
            boolean needsName = variant.contains("{name}");
            boolean needsDetail = variant.contains("{detail}");
            if ((needsName && v.name() == null) || (needsDetail && v.detail() == null)) {
                continue;
            }
            usable.add(variant);
            if (needsName || needsDetail) {
                personal.add(variant);
            }
        }
        List<String> from = personal.isEmpty() ? usable : personal;
        return from.isEmpty() ? "" : from.get((random.nextInt(from.size()) + attempt) % from.size());
    }

    private static String pick(List<String> preferred, List<String> fallback, Random random) {
        List<String> from = preferred.isEmpty() ? fallback : preferred;
        return from.isEmpty() ? "" : from.get(random.nextInt(from.size()));
    }

    private static String fill(String template, Values v) {
        String out = template.replace("{remedy}", v.remedy()).replace("{topic}", v.topic()).replace("{note}", v.note());
        if (v.name() != null) {
            out = out.replace("{name}", v.name());
        }
        if (v.detail() != null) {
            out = out.replace("{detail}", v.detail());
        }
        return out.strip();
    }
}
