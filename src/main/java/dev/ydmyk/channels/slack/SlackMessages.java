package dev.ydmyk.channels.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.ydmyk.approval.Views;
import dev.ydmyk.drafting.Draft;
import dev.ydmyk.drafting.DraftStatus;
import dev.ydmyk.tone.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    static final String TEXT_BLOCK = "text";
    static final String OVERRIDE_BLOCK = "override";
    static final String NOTE_BLOCK = "note";
    private static final int SLACK_TEXT_LIMIT = 2900;

    private SlackMessages() {
    }

    static String summary(Views.DraftView d) {
        String who = d.complaint() == null || d.complaint().author() == null || d.complaint().author().name() == null
                ? "a customer" : d.complaint().author().name();
        // The notification and fallback text is mrkdwn too: a customer's name must not mention or link.
        return "Draft reply to " + escape(who) + " is " + d.status().wire();
    }

    static List<LayoutBlock> draft(Views.DraftView d, String decision) {
        Views.ComplaintSummary c = d.complaint();
        Views.TriageView t = c.triage();
        String author = c.author() == null || c.author().name() == null ? "Someone" : c.author().name();
        String meta = "*" + escape(author) + "* on " + escape(c.source())
                + (t == null ? "" : " · " + t.kind().wire() + " · " + t.severity().wire() + " · " + t.language())
                + link(c.url(), "open post").map(l -> " · " + l).orElse("")
                + (t != null && !t.flags().isEmpty() ? " · :warning: " + escape(String.join(", ", t.flags())) : "");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(meta))));
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
