package dev.ydmyk.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.approval.Views;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.incidents.IncidentChanged;
import dev.ydmyk.incidents.IncidentViews;
import dev.ydmyk.storage.Notifications;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The built-in channel page's live side: every open page holds a server-sent-events stream; draft
 * changes, incidents, notices and who is looking at which draft are pushed to all of them. Every
 * change goes through PostgreSQL's NOTIFY (ids only) and comes back to each instance's listener,
 * which reads it from the database and pushes it to its own pages: two instances behind a load
 * balancer show every agent the same queue.
 */
@ApplicationScoped
public class ChannelPage implements ApprovalChannel {

    private static final Logger LOG = Logger.getLogger(ChannelPage.class);
    static final Duration PRESENCE_TTL = Duration.ofSeconds(45);

    static final String CHANNEL = "ydmyk_page";

    /** What travels through the database: a kind and ids, never a document. */
    record Signal(String type, UUID id, String change, String actor, Long notice, String login, String name, UUID draftId) {
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final Notifications notifications;
    private final Views views;
    private final IncidentViews incidents;
    private final NoticeRepository notices;
    private final PresenceRepository presence;
    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    public ChannelPage(ObjectMapper json, Clock clock, Notifications notifications, Views views, IncidentViews incidents,
                       NoticeRepository notices, PresenceRepository presence) {
        this.json = json;
        this.clock = clock;
        this.notifications = notifications;
        this.views = views;
        this.incidents = incidents;
        this.notices = notices;
        this.presence = presence;
    }

    void start(@Observes StartupEvent ignored) {
        notifications.listen(CHANNEL, this::arrived);
    }

    private void signal(Signal s) {
        try {
            notifications.publish(CHANNEL, json.writeValueAsString(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A change made on any instance: read it here and push it to this instance's pages. */
    void arrived(String payload) {
        Signal s;
        try {
            s = json.readValue(payload, Signal.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("Not a page signal: %s", payload);
            return;
        }
        switch (s.type()) {
            case "draft" -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("change", s.change());
                data.put("actor", s.actor());
                data.put("draft", views.draft(s.id()));
                broadcast("draft", data);
            }
            case "incident" -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("change", s.change());
                data.put("incident", incidents.detail(s.id()));
                broadcast("incident", data);
            }
            case "notice" -> notices.find(s.notice()).ifPresent(n -> broadcast("notice", n));
            case "presence" -> broadcast("presence", Map.of("presence", presenceByDraft()));
            default -> LOG.warnf("Unknown page signal %s", s.type());
        }
    }

    void subscribe(Sse sse, SseEventSink sink) {
        synchronized (this) {
            if (broadcaster == null) {
                this.sse = sse;
                this.broadcaster = sse.newBroadcaster();
            }
        }
        broadcaster.register(sink);
        sink.send(event("hello", Map.of("presence", presenceByDraft())));
    }

    @Override
    public void draftChanged(DraftChanged change, Views.DraftView draft) {
        signal(new Signal("draft", draft.id(), change.change().name().toLowerCase(), change.actor(), null, null, null, null));
    }

    /** A notice or escalation as kept by the {@link NoticeRepository}: every open page's tray gets it, with its id. */
    void pinned(NoticeRepository.Stored notice) {
        signal(new Signal("notice", null, null, null, notice.id(), null, null, null));
    }

    @Override
    public void incidentChanged(IncidentChanged change, IncidentViews.Detail incident) {
        signal(new Signal("incident", incident.id(), change.change().name().toLowerCase(), null, null, null, null, null));
    }

    /**
     * An agent looks at a draft (or at none: {@code draftId} null): kept in the database, so a page opened
     * on any instance later sees it too, and signalled, so every instance's open pages hear it now.
     */
    void look(String login, String name, UUID draftId) {
        presence.look(login, name, draftId, clock.instant());
        signal(new Signal("presence", null, null, null, null, login, name, draftId));
    }

    @Scheduled(every = "15s")
    void keepAlive() {
        boolean expired = presence.expire(clock.instant().minus(PRESENCE_TTL));
        broadcast(expired ? "presence" : "ping", Map.of("presence", presenceByDraft()));
    }

    Map<String, List<String>> presenceByDraft() {
        return presence.byDraft(clock.instant().minus(PRESENCE_TTL));
    }

    private void broadcast(String name, Object data) {
        SseBroadcaster b = broadcaster;
        if (b != null) {
            b.broadcast(event(name, data));
        }
    }

    private OutboundSseEvent event(String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
