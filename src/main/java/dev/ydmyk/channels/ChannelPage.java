package dev.ydmyk.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.approval.Views;
import dev.ydmyk.drafting.DraftChanged;
import dev.ydmyk.incidents.IncidentChanged;
import dev.ydmyk.incidents.IncidentViews;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in channel page's live side: every open page holds a server-sent-events stream; draft
 * changes and who is looking at which draft are pushed to all of them.
 */
@ApplicationScoped
public class ChannelPage implements ApprovalChannel {

    static final Duration PRESENCE_TTL = Duration.ofSeconds(45);

    private record Presence(String name, UUID draftId, Instant seen) {
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Presence> presence = new ConcurrentHashMap<>();
    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    public ChannelPage(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("change", change.change().name().toLowerCase());
        data.put("actor", change.actor());
        data.put("draft", draft);
        broadcast("draft", data);
    }

    /** A notice or escalation as kept on the {@link NoticeRepository}: every open page's tray gets it, with its id. */
    void pinned(NoticeRepository.Stored notice) {
        broadcast("notice", notice);
    }

    @Override
    public void incidentChanged(IncidentChanged change, IncidentViews.Detail incident) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("change", change.change().name().toLowerCase());
        data.put("incident", incident);
        broadcast("incident", data);
    }

    /** An agent looks at a draft (or at none: {@code draftId} null). */
    void look(String login, String name, UUID draftId) {
        if (draftId == null) {
            presence.remove(login);
        } else {
            presence.put(login, new Presence(name, draftId, clock.instant()));
        }
        broadcast("presence", Map.of("presence", presenceByDraft()));
    }

    @Scheduled(every = "15s")
    void keepAlive() {
        Instant cutoff = clock.instant().minus(PRESENCE_TTL);
        boolean expired = presence.values().removeIf(p -> p.seen().isBefore(cutoff));
        broadcast(expired ? "presence" : "ping", Map.of("presence", presenceByDraft()));
    }

    Map<String, List<String>> presenceByDraft() {
        Map<String, TreeSet<String>> by = new TreeMap<>();
        presence.values().forEach(p -> by.computeIfAbsent(p.draftId().toString(), k -> new TreeSet<>()).add(p.name()));
        Map<String, List<String>> out = new TreeMap<>();
        by.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
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
