package dev.ydmyk.drafting.llm;

import dev.ydmyk.config.ReplyLanguage;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.drafting.DraftRequest;
import dev.ydmyk.drafting.ReplyGuidelines;
import dev.ydmyk.drafting.StatementRequest;
import dev.ydmyk.guidelines.GuidelineFiles;
import dev.ydmyk.guidelines.Sections;
import dev.ydmyk.triage.TopicCatalog;
import dev.ydmyk.triage.Triage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Builds the two messages for the model: the guidelines as a stable system prompt (read from
 * prompts/llm/system.txt on every call, so a support lead's edit applies without a restart), then
 * the complaint's triage, the conversation so far and the customer's post, clearly delimited and
 * labelled as data, worded by prompts/llm/user.txt. An incident's public statement is asked for
 * in the words of prompts/llm/statement.txt.
 */
@ApplicationScoped
public class LlmPrompt {

    public static final String POST_START = "<<<CUSTOMER_POST";
    public static final String POST_END = "CUSTOMER_POST>>>";
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([a-z-]+)}");

    /** The language's name for the model, e.g. Danish; the code itself for a language we do not reply in. */
    static String languageName(String code) {
        return ReplyLanguage.byCode(code).map(ReplyLanguage::englishName).orElse(code);
    }

    private final GuidelineFiles files;
    private final ReplyGuidelines replies;
    private final TopicCatalog topics;
    private final YdmykConfig config;
    /** Planted in the system prompt; an answer that contains it is leaking the prompt. */
    private final String canary = "YDMYK-CANARY-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    public LlmPrompt(GuidelineFiles files, ReplyGuidelines replies, TopicCatalog topics, YdmykConfig config) {
        this.files = files;
        this.replies = replies;
        this.topics = topics;
        this.config = config;
    }

    public String canary() {
        return canary;
    }

    public String system() {
        String template = files.prompt("llm/system.txt")
                .orElseThrow(() -> new IllegalStateException("prompts/llm/system.txt is missing"));
        String compensation = config.compensation().allowed()
                ? "a person decides any compensation; name no amount above " + config.compensation().maxAmount() + "."
                : "only a person may decide on those.";
        return template.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n")).strip()
                .replace("{compensation}", compensation)
                .replace("{canary}", canary)
                .replace("{languages}", "nb (Norwegian Bokmål), da (Danish), sv (Swedish), en (English)");
    }

    /** The message for one complaint, from the instructions in prompts/llm/user.txt (read per call), the customer's post last. */
    public String user(DraftRequest req) {
        Sections ask = files.promptSections("llm/user.txt");
        Triage t = req.triage();
        Sections s = replies.forLanguage(req.language());
        String remedy = first(s.get("remedy:" + topics.remedyOf(t.primaryTopic())), s.get("remedy:investigate"));
        String signature = first(s.get("signature"), List.of("{agent}")).replace("\\n", "\n");
        StringBuilder u = new StringBuilder();
        line(u, ask, "language", Map.of("language", languageName(req.language()), "code", req.language()));
        line(u, ask, "triage", Map.of("kind", t.kind().wire(), "severity", t.severity().wire(),
                "topics", t.topics().isEmpty() ? "none recognised" : String.join(", ", t.topics())));
        String name = req.complaint().firstName();
        line(u, ask, name == null ? "no-name" : "name", Map.of("name", name == null ? "" : name));
        if (!t.details().isEmpty()) {
            line(u, ask, "details", Map.of("details", String.join(", ", t.details().subList(0, Math.min(4, t.details().size())))));
        }
        line(u, ask, "remedy", Map.of("remedy", remedy));
        line(u, ask, "signature", Map.of("signature", signature));
        if (t.flagged("injection")) {
            line(u, ask, "injection", Map.of());
        }
        if (req.reportBack() != null) {
            line(u, ask, "report-back", Map.of("note", sanitise(req.reportBack())));
        }
        if (req.hint() != null) {
            line(u, ask, "hint", Map.of("hint", sanitise(req.hint())));
        }
        if (!req.conversation().isEmpty()) {
            u.append('\n');
            line(u, ask, "conversation", Map.of());
            for (var turn : req.conversation()) {
                String who = turn.who() == null ? (turn.ours() ? "customer service" : "name unknown") : turn.who();
                line(u, ask, turn.ours() ? "conversation-ours" : "conversation-theirs",
                        Map.of("who", who, "text", shortened(sanitise(turn.text()).replace('\n', ' '))));
            }
        }
        u.append('\n');
        line(u, ask, "post", Map.of());
        u.append(POST_START).append('\n')
                .append(sanitise(req.complaint().text())).append('\n')
                .append(POST_END);
        return u.toString();
    }

    /**
     * The message for an incident's public statement (or its update at resolution) in one language,
     * from the instructions in prompts/llm/statement.txt (read per call), a few customers' posts last.
     */
    public String statement(StatementRequest req) {
        Sections ask = files.promptSections("llm/statement.txt");
        StringBuilder u = new StringBuilder();
        line(u, ask, req.update() ? "update" : "statement", Map.of());
        line(u, ask, "language", Map.of("language", languageName(req.language()), "code", req.language()));
        line(u, ask, "incident", Map.of("title", sanitise(req.title()), "topic", req.topicWords(),
                "topics", req.topics().isEmpty() ? "none recognised" : String.join(", ", req.topics())));
        if (req.since() != null) {
            line(u, ask, "since", Map.of("since", req.since()));
        }
        if (req.update()) {
            line(u, ask, "note", Map.of("note", sanitise(req.note())));
            line(u, ask, "update-guideline", Map.of());
        } else {
            line(u, ask, "next", Map.of("next", req.next()));
            line(u, ask, "guideline", Map.of());
        }
        line(u, ask, "signature", Map.of("signature", req.signature()));
        if (!req.posts().isEmpty()) {
            u.append('\n');
            line(u, ask, "posts", Map.of());
            for (String post : req.posts()) {
                u.append(POST_START).append('\n').append(shortened(sanitise(post))).append('\n').append(POST_END).append('\n');
            }
        }
        return u.toString().strip();
    }

    /** One instruction from user.txt with its placeholders filled; the values are inserted once, never re-read as placeholders. */
    private static void line(StringBuilder u, Sections ask, String section, Map<String, String> values) {
        String template = String.join(" ", ask.get(section));
        if (template.isEmpty()) {
            return;
        }
        java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        u.append(out).append('\n');
    }

    /** Earlier messages are context: their first 800 characters are enough. */
    private static String shortened(String text) {
        return text.length() <= 800 ? text : text.substring(0, 800) + " …";
    }

    /** The post may not close its own delimiters. */
    private static String sanitise(String text) {
        return text.replace(POST_START, "").replace(POST_END, "");
    }

    private static String first(List<String> preferred, List<String> fallback) {
        return !preferred.isEmpty() ? preferred.get(0) : fallback.isEmpty() ? "" : fallback.get(0);
    }
}
