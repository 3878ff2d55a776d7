package dev.ydmyk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything an operator can set under {@code ydmyk.*}, as one typed tree. */
@ConfigMapping(prefix = "ydmyk")
public interface YdmykConfig {

    /** Agents who may approve, by login: {@code ydmyk.agents.<login>.name} and {@code .password}. */
    Map<String, Agent> agents();

    /** Sources that may post complaints, by name: {@code ydmyk.sources.<source>.token}. */
    Map<String, Source> sources();

    /** Where the guideline texts live; the copies packaged in the jar are used for anything missing. */
    @WithDefault("prompts")
    String promptsDir();

    /** Where the operator's triage word lists and topics live. */
    @WithDefault("config")
    String configDir();

    /** Which drafter writes drafts: {@code guidelines} (offline, the default) or {@code llm}; anything else stops start-up. */
    @WithDefault("guidelines")
    DrafterChoice drafter();

    enum DrafterChoice { GUIDELINES, LLM }

    Llm llm();

    Triage triage();

    Slack slack();

    Hours hours();

    OnCall onCall();

    Sla sla();

    Sweep sweep();

    Holding holding();

    Facebook facebook();

    Approval approval();

    SignIn signIn();

    Oidc oidc();

    /**
     * Agents signed in through the company's identity provider (OpenID Connect). The provider itself is
     * quarkus-oidc's: {@code quarkus.oidc.auth-server-url}, {@code client-id}, {@code credentials.secret}; without an
     * auth-server-url it is off and only the built-in agents ({@link #agents()}) sign in.
     */
    interface Oidc {
        /** The token claim with the agent's display name, which signs their replies; the login when the token lacks it. */
        @WithDefault("name")
        String nameClaim();

        /** The role (quarkus.oidc.roles.*: the groups claim by default) that makes an agent an administrator. */
        @WithDefault("ydmyk-admin")
        String adminRole();

        /** If set, only people with this role are agents; anyone else the provider signs in is refused (403). */
        Optional<String> agentRole();
    }

    interface Facebook {
        /** The token Meta echoes in the subscription handshake. */
        Optional<String> verifyToken();

        /** The app secret that signs deliveries (X-Hub-Signature-256). */
        Optional<String> appSecret();

        /** The page whose own posts and comments are not complaints. */
        Optional<String> pageId();

        /** The page access token replies are published with; publishing to Facebook is off without it. */
        Optional<String> pageToken();

        @WithDefault("https://graph.facebook.com/v21.0")
        String graphUrl();

        /** How long publishing to Facebook waits after a rate limit that does not say (X-Business-Use-Case-Usage does). */
        @WithDefault("PT1M")
        Duration rateLimitWait();
    }

    Email email();

    /** A mailbox watched over IMAP; replies go out over SMTP (quarkus.mailer.*) from {@code from}. */
    interface Email {
        Imap imap();

        /** The address replies are sent from, e.g. {@code Kundeservice <kundeservice@example.com>}; e-mail replies are off without it. */
        Optional<String> from();

        /**
         * How long one reply's SMTP dialogue may take before it is given up and tried again (a stalled
         * server connection otherwise holds the reply back for as long as the socket lives).
         */
        @WithDefault("PT60S")
        Duration sendTimeout();

        interface Imap {
            /** The IMAP server; the mailbox is watched only when this is set. */
            Optional<String> host();

            @WithDefault("993")
            int port();

            /** IMAPS (TLS from the first byte) when true; plain IMAP upgraded with STARTTLS when the server offers it otherwise. */
            @WithDefault("true")
            boolean tls();

            /**
             * Hosts whose certificate is accepted without verification (space-separated, {@code *} for any): only for
             * a company mail server with a self-signed certificate. Unset, certificates are verified as usual.
             */
            Optional<String> trust();

            Optional<String> user();

            Optional<String> password();

            @WithDefault("INBOX")
            String folder();

            /** Where a copy of every reply is kept; also read before a retry to make sure a reply goes out once. */
            Optional<String> sentFolder();

            /** How often the folder is looked at (a scheduler interval such as 60s); IMAP IDLE wakes it sooner. */
            @WithDefault("60s")
            String poll();

            /** Use IMAP IDLE, when the server offers it, to take new mail within seconds. */
            @WithDefault("true")
            boolean idle();

            /** Network timeouts for connecting and reading. */
            @WithDefault("PT30S")
            Duration timeout();
        }
    }

    FollowUp followUp();

    interface Holding {
        /** Send a holding reply out of hours? Off unless an administrator gives the standing approval. */
        @WithDefault("false")
        boolean enabled();

        /** The administrator whose standing approval the holding replies are sent under. */
        Optional<String> approvedBy();
    }

    interface FollowUp {
        /** How long after a reply that promises to come back the follow-up is due. */
        @WithDefault("PT24H")
        Duration due();
    }

    interface Sweep {
        /** When the drafting sweep runs (Quartz-style cron). */
        @WithDefault("0 * * * * ?")
        String cron();
    }

    /** Where people reach this service, for links in chat messages. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Drafting drafting();

    Compensation compensation();

    Tone tone();

    Publishing publishing();

    Incidents incidents();

    EmbeddedDb embeddedDb();

    Retention retention();

    /** How long personal data is kept (GDPR Art. 5(1)(e)). */
    interface Retention {
        /**
         * Complaints received longer ago than this (e.g. {@code P180D}) have their personal data erased
         * nightly, as an administrator's erasure does; the anonymous counts stay. Unset: kept.
         */
        Optional<Duration> personalData();

        /** When the nightly retention job runs (Quartz-style cron, the server's time zone). */
        @WithDefault("0 30 3 * * ?")
        String cron();
    }

    /** Storms: many complaints about one thing, grouped into an incident with one public statement. */
    interface Incidents {
        /** Off: every complaint gets a reply of its own, as before. */
        @WithDefault("true")
        boolean enabled();

        /** How many similar complaints within the window make an incident. */
        @WithDefault("5")
        @Min(2)
        int minSize();

        /** How far back similar complaints count towards forming an incident. */
        @WithDefault("PT30M")
        Duration window();

        /** Cosine (plus thread and topic evidence) a complaint needs to join an open incident. */
        @WithDefault("0.22")
        double joinThreshold();

        /** Cosine (plus evidence) at which two complaints outside incidents are linked towards forming one. */
        @WithDefault("0.30")
        double linkThreshold();

        /** When the statement promises the next update: this long after it is drafted. */
        @WithDefault("PT1H")
        Duration updateEvery();
    }

    interface Approval {
        /**
         * How long an approved message waits before publishing starts: the agent can take it back
         * within it ({@code POST /api/drafts/{id}/undo}). Zero sends at once.
         */
        @WithDefault("PT10S")
        Duration undo();

        /** A taken draft goes back to everyone's queue when its holder has done nothing with it for this long. */
        @WithDefault("PT10M")
        Duration takeIdle();
    }

    interface SignIn {
        /** Failures that cost nothing; each one after them doubles the wait before the next attempt (1 s, 2 s, 4 s…). */
        @WithDefault("3")
        int free();

        /** Failures (per login, and per address) within {@link #window()} that lock it for {@link #lock()}. */
        @WithDefault("10")
        int lockAfter();

        @WithDefault("PT15M")
        Duration window();

        @WithDefault("PT15M")
        Duration lock();
    }

    interface Agent {
        String name();

        String password();

        /** An administrator may export and erase customers' data and read the audit ({@code GET /api/audit}). */
        @WithDefault("false")
        boolean admin();

        Optional<String> slackUser();

        /** The channel page's language for this agent: en, nb, da or sv; unset, the browser's. */
        Optional<String> locale();
    }

    interface Source {
        String token();

        /** If set, every sent reply for this source is also POSTed here (retried until it succeeds). */
        Optional<String> callbackUrl();
    }

    interface Triage {
        /** Languages the detector knows (ISO 639-1): the ones we reply in ({@link ReplyLanguage}) and a few we recognise. */
        @WithDefault(ReplyLanguage.DETECTED)
        List<String> languages();

        /** Used when the detector is unsure and the source gave no language. */
        @WithDefault(ReplyLanguage.DEFAULT)
        String defaultLanguage();

        /**
         * How far ahead the best language must be of the second before it is trusted. Lingua's
         * confidences are relative (the best is 1.0), so this is a near-tie threshold.
         */
        @WithDefault("0.01")
        double minimumMargin();

        /** Reply language for detected languages without their own prompts, e.g. nn=nb. */
        Map<String, String> replyFallback();
    }

    interface Drafting {
        /** Drafting threads in this instance; 0 makes an intake-only instance. */
        @WithDefault("2")
        int workers();

        /** How long a worker may hold a complaint before another may take it over (after a crash). */
        @WithDefault("PT2M")
        Duration lease();

        /** How often an idle worker looks for complaints it was not told about (e.g. after a restart). */
        @WithDefault("PT5S")
        Duration sweep();
    }

    interface Llm {
        /** Model calls under way at once, across all drafting workers. */
        @WithDefault("4")
        int maxConcurrent();

        /** Attempts per draft for transport failures (timeouts, 429, 5xx), with backoff. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** Consecutive failed drafts that open the circuit; while open, the guideline drafter writes. */
        @WithDefault("5")
        int breakerFailures();

        @WithDefault("PT30S")
        Duration breakerOpen();

        /** When the model is back, replace pending fallback drafts with model drafts. */
        @WithDefault("false")
        boolean redraftFallbacks();

        /** How often to look for fallback drafts to redraft (a scheduler interval). */
        @WithDefault("60s")
        String redraftEvery();
    }

    interface Slack {
        /** Slack is off unless a bot token is set. */
        Optional<String> botToken();

        Optional<String> signingSecret();

        /** The channel (id or name) where drafts are posted. */
        @WithDefault("#complaints")
        String channel();

        /** Slack's Web API; tests point it at a fake. */
        @WithDefault("https://slack.com/api/")
        String apiUrl();

        /** Slack allows about one message a second per channel. */
        @WithDefault("PT1S")
        Duration postInterval();
    }

    interface Hours {
        @WithDefault("Europe/Oslo")
        String zone();

        @WithDefault("08:00-16:00")
        String mon();

        @WithDefault("08:00-16:00")
        String tue();

        @WithDefault("08:00-16:00")
        String wed();

        @WithDefault("08:00-16:00")
        String thu();

        @WithDefault("08:00-16:00")
        String fri();

        @WithDefault("closed")
        String sat();

        @WithDefault("closed")
        String sun();

        /** Dates (YYYY-MM-DD) when customer service is closed all day. */
        Optional<List<String>> holidays();
    }

    interface OnCall {
        /** The agent (login) on call out of hours. */
        Optional<String> agent();

        /**
         * Per-weekday overrides of the on-call agent: ydmyk.on-call.rota.sat=lars (or .saturday);
         * any other key stops start-up.
         */
        Map<String, String> rota();
    }

    interface Sla {
        /** How soon a complaint must get its first public response: the first 24 minutes. */
        @WithDefault("PT24M")
        Duration firstResponse();

        /** Reactions per hour on a waiting complaint that count as a storm building (out of hours: ping on call). */
        @WithDefault("100")
        double engagementPerHour();

        /** How often waiting complaints are checked for escalation (a scheduler interval). */
        @WithDefault("30s")
        String checkEvery();
    }

    interface Compensation {
        /** May a reply offer money, refunds, vouchers or discounts? Off: only a person may decide that. */
        @WithDefault("false")
        boolean allowed();

        /** The largest money amount a reply may name when compensation is allowed. */
        @WithDefault("0")
        long maxAmount();
    }

    interface Tone {
        /** Hosts that replies may link to. */
        Optional<List<String>> allowedLinks();

        Optional<List<String>> allowedEmails();

        Optional<List<String>> allowedPhones();

        @WithDefault("40")
        int minWords();

        @WithDefault("120")
        int maxWords();
    }

    interface Publishing {
        @WithDefault("PT1S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        @WithDefault("PT10S")
        Duration callbackTimeout();

        /** How long a publishing attempt holds its reply before another instance may try it (longer than any publisher call). */
        @WithDefault("PT2M")
        Duration lease();

        /**
         * Failed attempts after which publishing gives up on a message (marked failed, still approved,
         * the channels told). 12 with the default backoff rides out 10 to 20 minutes of a platform's outage.
         */
        @WithDefault("12")
        int maxAttempts();

        /** How often failed publications are looked at again (a scheduler interval such as 1s). */
        @WithDefault("1s")
        String retryEvery();
    }

    interface EmbeddedDb {
        /** Read by the embedded database starter before the application starts. */
        @WithDefault("data/pg")
        String dataDir();

        @WithDefault("nobody")
        String osUser();

        @WithDefault("false")
        boolean clean();

        @WithDefault("0")
        int port();

        @WithDefault("false")
        boolean active();
    }
}
