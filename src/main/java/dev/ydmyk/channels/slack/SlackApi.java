package dev.ydmyk.channels.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.ydmyk.config.YdmykConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Slack's Web API through Slack's Java SDK, at {@code ydmyk.slack.api-url}; absent while no token is set. */
@ApplicationScoped
public class SlackApi {

    private final Optional<MethodsClient> methods;

    public SlackApi(YdmykConfig config) {
        this.methods = config.slack().botToken().filter(t -> !t.isBlank()).map(token -> {
            SlackConfig sc = new SlackConfig();
            String url = config.slack().apiUrl();
            sc.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
            sc.setPrettyResponseLoggingEnabled(false);
            return Slack.getInstance(sc).methods(token);
        });
    }

    public boolean enabled() {
        return methods.isPresent();
    }

    public MethodsClient methods() {
        return methods.orElseThrow(() -> new IllegalStateException("Slack is not configured (ydmyk.slack.bot-token)"));
    }
}
