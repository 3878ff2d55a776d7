package dev.ydmyk.publishing;

import dev.ydmyk.config.YdmykConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Takes tokens and passwords out of a text before it is stored, logged or shown: a failure's
 * message may echo the URL it was sent to ({@code access_token=...}) or the request's headers.
 */
@ApplicationScoped
public class Secrets {

    static final String REDACTED = "[redacted]";
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)((?:access_token|appsecret_proof|client_secret|token|password|secret|api_key|key)=)[^&\\s\"'<>]+");
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(authorization\\s*[:=]\\s*)(?:(?:bearer|basic|token)\\s+)?[^\\s,;\"']+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private final List<String> values;

    public Secrets(YdmykConfig config) {
        List<String> v = new ArrayList<>();
        add(v, config.facebook().pageToken());
        add(v, config.facebook().appSecret());
        add(v, config.facebook().verifyToken());
        add(v, config.email().imap().password());
        add(v, config.slack().botToken());
        add(v, config.slack().signingSecret());
        config.sources().values().forEach(s -> add(v, Optional.ofNullable(s.token())));
        config.agents().values().forEach(a -> add(v, Optional.ofNullable(a.password())));
        add(v, ConfigProvider.getConfig().getOptionalValue("quarkus.mailer.password", String.class));
        add(v, ConfigProvider.getConfig().getOptionalValue("quarkus.langchain4j.openai.api-key", String.class));
        // The longest first, so a secret that contains another is taken out whole.
        v.sort(Comparator.comparingInt(String::length).reversed());
        this.values = List.copyOf(v);
    }

    private static void add(List<String> into, Optional<String> secret) {
        // Very short values would blank out ordinary words; they are no secret worth the name either.
        secret.map(String::strip).filter(s -> s.length() >= 6).ifPresent(into::add);
    }

    /** The text with every configured secret and every token-looking parameter or header replaced. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : values) {
            out = out.replace(secret, REDACTED);
        }
        out = QUERY_SECRET.matcher(out).replaceAll("$1" + REDACTED);
        out = AUTHORIZATION.matcher(out).replaceAll("$1" + REDACTED);
        return BEARER.matcher(out).replaceAll("$1" + REDACTED);
    }

    /** What went wrong, in one line fit to store and show: the message (or the type when there is none), redacted. */
    public String describe(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return redact(message);
    }
}
