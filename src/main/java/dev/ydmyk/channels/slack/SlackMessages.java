package dev.ydmyk.channels.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.ydmyk.approval.Views;
import dev.ydmyk.audit.AuditTrail;
import dev.ydmyk.drafting.Draft;
import dev.ydmyk.drafting.DraftStatus;
import dev.ydmyk.incidents.IncidentViews;
import dev.ydmyk.tone.Finding;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** What agents see in Slack, as Block Kit built with Slack's SDK. */
final class SlackMessages {

    static final String APPROVE = "approve";
    static final String EDIT = "edit";
    static final String REJECT = "reject";
    static final String REDRAFT = "redraft";
    /** Approves an incident's pending acknowledgements (or report-backs) in one action; value "incidentId|purpose". */
    static final String INCIDENT_APPROVE = "incident_approve";
    static final String TEXT_BLOCK = "text";
    static final String OVERRIDE_BLOCK = "override";
    static final String NOTE_BLOCK = "note";
    private static final int SLACK_TEXT_LIMIT = 2900;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SlackMessages() {
    }

    static String summary(Views.DraftView d) {
        if (d.complaint() != null && AuditTrail.ERASED.equals(d.complaint().text())) {
            return "Draft reply erased at the customer's request";
        }
        String who = d.complaint() == null || d.complaint().author() == null || d.complaint().author().name() == null
                ? "a customer" : d.complaint().author().name();
        // The notification and fallback text is mrkdwn too: a customer's name must not mention or link.
        return "Draft reply to " + escape(who) + " is " + d.status().wire();
    }

    static List<LayoutBlock> draft(Views.DraftView d, String decision) {
        Views.ComplaintSummary c = d.complaint();
        Views.TriageView t = c.triage();
        if (AuditTrail.ERASED.equals(c.text())) {
            return erased(c, t, decision);
        }
        String author = c.author() == null || c.author().name() == null ? "Someone" : c.author().name();
        String meta = "*" + escape(author) + "* on " + escape(c.source())
                + (t == null ? "" : " · " + t.kind().wire() + " · " + t.severity().wire() + " · " + t.language())
                + link(c.url(), "open post").map(l -> " · " + l).orElse("")
                + (t != null && !t.flags().isEmpty() ? " · :warning: " + escape(String.join(", ", t.flags())) : "");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(meta))));
        if (t != null && t.reasons() != null && !t.reasons().isEmpty()) {
            blocks.add(context(x -> x.elements(asContextElements(markdownText("_Read as " + t.kind().wire() + ": "
                    + escape(String.join("; ", t.reasons())) + "_")))));
        }
        if (c.conversation() != null && !c.conversation().isEmpty()) {
            // What we said before matters most when a customer answers it.
            StringBuilder earlier = new StringBuilder("Answers an earlier message:");
            for (var m : c.conversation()) {
                earlier.append("\n").append(m.ours() ? "*Us*" : "*" + escape(m.who() == null ? "Customer" : m.who()) + "*")
                        .append(": ").append(escape(cut(m.text(), 300)));
            }
            blocks.add(context(x -> x.elements(asContextElements(markdownText(earlier.toString())))));
        }
        blocks.addAll(asBlocks(
                section(s -> s.text(markdownText((c.subject() == null ? "" : "*" + escape(cut(c.subject(), 200)) + "*\n") + quote(c.text())))),
                section(s -> s.text(markdownText("*Draft* (" + escape(d.drafter()) + (d.fallback() == null ? "" : ", fallback: " + escape(d.fallback()))
                        + ")\n" + escape(cut(d.text()))))),
                context(x -> x.elements(asContextElements(markdownText(tone(d)))))));
        if (decision == null && d.status() == DraftStatus.PENDING) {
            String id = d.id().toString();
            blocks.add(actions(a -> a.blockId("draft:" + id).elements(asElements(
                    button(b -> b.actionId(APPROVE).text(plainText("Approve")).value(id).style("primary")),
                    button(b -> b.actionId(EDIT).text(plainText("Edit")).value(id)),
                    button(b -> b.actionId(REJECT).text(plainText("Reject")).value(id).style("danger")),
                    button(b -> b.actionId(REDRAFT).text(plainText("Redraft")).value(id))))));
        } else if (decision != null) {
            blocks.add(section(s -> s.text(markdownText(decision))));
        }
        return blocks;
    }

    /** A draft whose customer's data was erased: only what the reports count is left, and what happened to the draft. */
    private static List<LayoutBlock> erased(Views.ComplaintSummary c, Views.TriageView t, String decision) {
        String meta = "*Erased at the customer's request* on " + escape(c.source())
                + (t == null ? "" : " · " + t.kind().wire() + " · " + t.severity().wire() + " · " + t.language());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(meta))));
        blocks.add(context(x -> x.elements(asContextElements(markdownText(
                ":wastebasket: The complaint, the draft and any reply were erased (GDPR Art. 17); nothing here can be sent.")))));
        if (decision != null) {
            blocks.add(section(s -> s.text(markdownText(decision))));
        }
        return blocks;
    }

    static String summary(IncidentViews.Detail i) {
        return "Incident: " + escape(i.title()) + " (" + i.size() + " complaints, " + i.status() + ")";
    }

    /** An incident's one message: what it is, how fast it grows, its statements, and one button for all acknowledgements. */
    static List<LayoutBlock> incident(IncidentViews.Detail i, List<IncidentViews.Member> samples, Map<UUID, Views.DraftView> statements,
                                      String link) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String languages = i.languages().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        int lastTen = i.perMinute().stream().skip(Math.max(0, i.perMinute().size() - 10)).mapToInt(IncidentViews.Arrivals::count).sum();
        String head = (i.status().equals("open") ? ":rotating_light: *Incident: " : i.status().equals("merged") ? ":link: *Merged into another incident: "
                : ":white_check_mark: *Resolved: ") + escape(i.title()) + "*\n"
                + i.size() + " complaints since " + HHMM.format(i.firstAt()) + " · " + lastTen + " in the last 10 minutes · " + escape(languages)
                + (i.autoApproveBy() == null ? "" : "\nLater acknowledgements are approved on arrival (standing decision of "
                + escape(i.autoApproveBy()) + ")")
                + (i.resolvedBy() == null ? "" : i.status().equals("merged") ? "\nMerged by " + escape(i.resolvedBy())
                + ": its complaints are answered with the other incident's statement"
                : "\nResolved by " + escape(i.resolvedBy()) + ": " + escape(cut(i.note(), 500)));
        blocks.add(section(s -> s.text(markdownText(head))));
        if (!samples.isEmpty()) {
            String posts = samples.stream().map(m -> "*" + escape(m.authorName() == null ? "Someone" : m.authorName()) + "*: "
                    + escape(cut(m.text(), 200).replace('\n', ' '))).collect(Collectors.joining("\n"));
            blocks.add(context(x -> x.elements(asContextElements(markdownText(posts)))));
        }
        for (IncidentViews.StatementView st : i.statements()) {
            Views.DraftView d = statements.get(st.draftId());
            String text = "*Public statement (" + escape(st.language()) + ", " + escape(st.status()) + ")*"
                    + link(st.url(), "on the page").map(l -> " · " + l).orElse("") + "\n" + escape(cut(st.text(), 1500));
            blocks.add(section(s -> s.text(markdownText(text))));
            if (d != null && d.status() == DraftStatus.PENDING) {
                String id = d.id().toString();
                blocks.add(actions(a -> a.blockId("statement:" + id).elements(asElements(
                        button(b -> b.actionId(APPROVE).text(plainText("Approve statement")).value(id).style("primary")),
                        button(b -> b.actionId(EDIT).text(plainText("Edit")).value(id))))));
            }
        }
        List<LayoutBlock> buttons = new ArrayList<>();
        for (var counts : List.of(Map.entry("acknowledgement", i.acknowledgements()), Map.entry("report-back", i.reportBacks()))) {
            IncidentViews.Counts c = counts.getValue();
            String line = c.pending() + c.held() + c.approved() + c.sent() == 0 ? null
                    : "*" + (counts.getKey().equals("acknowledgement") ? "Acknowledgements" : "Report-backs") + "*: " + c.pending() + " to approve, "
                    + c.held() + " held for a person, " + c.approved() + " approved, " + c.sent() + " sent";
            if (line != null) {
                blocks.add(section(s -> s.text(markdownText(line))));
            }
            if (c.pending() > 0) {
                String value = i.id() + "|" + counts.getKey();
                String label = "Approve " + c.pending() + (counts.getKey().equals("acknowledgement") ? " acknowledgements" : " report-backs");
                buttons.add(actions(a -> a.blockId("incident:" + value).elements(asElements(
                        button(b -> b.actionId(INCIDENT_APPROVE).text(plainText(label)).value(value).style("primary"))))));
            }
        }
        blocks.addAll(buttons);
        if (!i.held().isEmpty()) {
            String held = i.held().size() + " held for one-by-one handling: " + i.held().stream().limit(10)
                    .map(h -> escape(h.reason())).collect(Collectors.joining(", ")) + (i.held().size() > 10 ? ", …" : "")
                    + link(link, "open the channel page").map(l -> " · " + l).orElse("");
            blocks.add(context(x -> x.elements(asContextElements(markdownText(held)))));
        }
        return blocks;
    }

    static View modal(String action, Views.DraftView d, List<Finding> findings) {
        String id = d.id().toString();
        String title = switch (action) {
            case EDIT -> "Edit reply";
            case REJECT -> "Reject draft";
            default -> "Ask for a redraft";
        };
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(quote(d.complaint().text())))));
        if (action.equals(EDIT)) {
            blocks.add(input(i -> i.blockId(TEXT_BLOCK).label(plainText("Reply (approving sends it, signed with your name)"))
                    .element(plainTextInput(p -> p.actionId(TEXT_BLOCK).multiline(true).initialValue(cut(d.text()))))));
            blocks.add(input(i -> i.blockId(OVERRIDE_BLOCK).optional(true)
                    .label(plainText("Send anyway although the tone check objects? Give the reason"))
                    .element(plainTextInput(p -> p.actionId(OVERRIDE_BLOCK)))));
        } else {
            blocks.add(input(i -> i.blockId(NOTE_BLOCK).label(plainText(action.equals(REJECT) ? "Why?" : "What should the new draft do differently?"))
                    .element(plainTextInput(p -> p.actionId(NOTE_BLOCK).multiline(true)))));
        }
        return view(v -> v.type("modal").callbackId(action).privateMetadata(id)
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(s -> s.type("plain_text").text(action.equals(EDIT) ? "Approve and send" : "Submit")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    static String tone(Views.DraftView d) {
        String moves = d.toneCheck().moves().isEmpty() ? "no moves recognised" : d.toneCheck().moves().stream()
                .map(m -> ":white_check_mark: " + m).collect(Collectors.joining("  "));
        String findings = d.toneCheck().findings().stream().map(f -> ":warning: " + escape(f.message()) + " (" + escape(f.excerpt()) + ")")
                .collect(Collectors.joining("  "));
        return moves + (findings.isEmpty() ? "" : "  " + findings);
    }

    static String findings(List<Finding> findings) {
        // Plain text (a modal's input error), not mrkdwn: nothing to escape.
        return findings.stream().map(f -> f.message() + ": \"" + f.excerpt() + "\"").collect(Collectors.joining("; "));
    }

    private static String quote(String text) {
        return cut(text).lines().map(l -> "> " + escape(l)).collect(Collectors.joining("\n"));
    }

    private static String cut(String text) {
        return cut(text, SLACK_TEXT_LIMIT);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /**
     * Slack's mrkdwn needs &, < and > escaped; escaped, a customer's {@code <!channel>}, {@code <@U…>} or
     * {@code <https://…|…>} shows as the text it is and mentions or links nobody.
     */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A mrkdwn link, for http(s) addresses only; anything else ({@code javascript:}, {@code slack:}) is no link. */
    static Optional<String> link(String url, String label) {
        if (url == null || !url.regionMatches(true, 0, "https://", 0, 8) && !url.regionMatches(true, 0, "http://", 0, 7)
                || url.chars().anyMatch(ch -> ch <= ' ' || ch == 0x7f)) {
            return Optional.empty();
        }
        return Optional.of("<" + escape(url).replace("|", "%7C") + "|" + escape(label) + ">");
    }
}
