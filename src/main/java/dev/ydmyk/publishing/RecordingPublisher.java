package dev.ydmyk.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ydmyk.config.YdmykConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded default: the reply is recorded on the complaint (by {@link PublishingService}); if
 * the source has {@code ydmyk.sources.<source>.callback-url}, it is also POSTed there as JSON, and
 * only a 2xx answer counts as sent. Each message carries its own {@code Idempotency-Key} (its
 * {@code messageId}, the same on every attempt at it, different for the holding reply, the reply and
 * each report-back), so a receiver that deduplicates on it takes every message once. A 4xx other
 * than 408, 409, 425 or 429 is the receiver refusing the message: no retry will change that.
 */
@ApplicationScoped
public class RecordingPublisher implements Publisher {

    private final YdmykConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public RecordingPublisher(YdmykConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.publishing().callbackTimeout()).build();
    }

    @Override
    public String publish(OutgoingReply reply) throws IOException, InterruptedException, CannotPublish {
        YdmykConfig.Source source = config.sources().get(reply.source());
        if (source == null || source.callbackUrl().isEmpty()) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", reply.messageId());
        body.put("purpose", reply.purpose().key());
        body.put("complaintId", reply.complaintId());
        body.put("source", reply.source());
        body.put("externalId", reply.externalId());
        body.put("url", reply.url());
        body.put("text", reply.text());
        body.put("agent", reply.agent());
        body.put("approvedAt", reply.approvedAt().toString());
        HttpRequest request = HttpRequest.newBuilder(URI.create(source.callbackUrl().get()))
                .timeout(config.publishing().callbackTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", reply.messageId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 4 && status != 408 && status != 409 && status != 425 && status != 429) {
            throw new CannotPublish("Callback " + source.callbackUrl().get() + " refused the message: " + status);
        }
        if (status / 100 != 2) {
            throw new IOException("Callback " + source.callbackUrl().get() + " answered " + response.statusCode());
        }
        return null;
    }
}
