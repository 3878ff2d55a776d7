package dev.ydmyk.channels;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.AgentOnly;
import dev.ydmyk.agents.CurrentCaller;
import dev.ydmyk.approval.ApprovalService;
import dev.ydmyk.approval.Views;
import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.problem.Problem;
import dev.ydmyk.schedule.BusinessHours;
import dev.ydmyk.schedule.OnCall;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the channel page talks to, besides the drafts API. */
@Path("/api/channel")
@AgentOnly
public class ChannelResource {

    public record Look(String draftId) {
    }

    private final ChannelPage page;
    private final Views views;
    private final CurrentCaller caller;
    private final Clock clock;
    private final BusinessHours hours;
    private final OnCall onCall;

    private final PageTexts texts;
    private final YdmykConfig config;
    private final ApprovalService approvals;

    public ChannelResource(ChannelPage page, Views views, CurrentCaller caller, Clock clock, BusinessHours hours, OnCall onCall,
                           PageTexts texts, YdmykConfig config, ApprovalService approvals) {
        this.approvals = approvals;
        this.texts = texts;
        this.config = config;
        this.page = page;
        this.views = views;
        this.caller = caller;
        this.clock = clock;
        this.hours = hours;
        this.onCall = onCall;
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live stream of draft changes and presence for the channel page")
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        page.subscribe(sse, sink);
    }

    @POST
    @Path("presence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say which draft you are looking at (null: none), so colleagues do not answer the same customer")
    public Map<String, List<String>> presence(Look body) {
        UUID draft = null;
        if (body != null && body.draftId() != null) {
            try {
                draft = UUID.fromString(body.draftId());
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("draftId", "draftId must be a draft id");
            }
        }
        page.look(caller.agent().login(), caller.agent().name(), draft);
        if (draft != null) {
            approvals.stillTaken(draft, caller.agent());
        }
        return page.presenceByDraft();
    }

    @GET
    @Path("texts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The page's words in one language (prompts/ui/<locale>.properties, English for anything missing)",
            description = "locale: en, nb, da or sv; unset, the agent's ydmyk.agents.<login>.locale, else the browser's Accept-Language.")
    public Map<String, Object> texts(@QueryParam("locale") String locale, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String chosen;
        if (locale != null && !locale.isBlank()) {
            chosen = PageTexts.supported(locale).orElseThrow(() -> Problem.invalid("locale",
                    "locale must be one of " + PageTexts.LOCALES));
        } else {
            chosen = ownLocale(acceptLanguage);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("locale", chosen);
        out.put("texts", texts.texts(chosen));
        return out;
    }

    /** The agent's configured language, else the first the browser asks for that the page speaks, else English. */
    private String ownLocale(String acceptLanguage) {
        YdmykConfig.Agent a = config.agents().get(caller.agent().login());
        return a == null ? PageTexts.fromBrowser(acceptLanguage)
                : a.locale().flatMap(PageTexts::supported).orElseGet(() -> PageTexts.fromBrowser(acceptLanguage));
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue depth and the oldest waiting complaint, for the page header")
    public Map<String, Object> status(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Views.Waiting waiting = views.waiting();
        Instant oldest = waiting.oldestComplaint();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("agent", caller.agent().name());
        out.put("login", caller.agent().login());
        out.put("now", clock.instant());
        out.put("locale", ownLocale(acceptLanguage));
        out.put("undoSeconds", config.approval().undo().toSeconds());
        out.put("pending", waiting.pending());
        out.put("oldestComplaintReceivedAt", oldest);
        out.put("oldestComplaintWaitingSeconds", oldest == null ? null : Duration.between(oldest, clock.instant()).toSeconds());
        out.put("officeHours", hours.isOpen(clock.instant()));
        out.put("onCall", onCall.at(clock.instant()).map(Agent::name).orElse(null));
        return out;
    }
}
