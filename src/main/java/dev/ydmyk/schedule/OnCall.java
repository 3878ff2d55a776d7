package dev.ydmyk.schedule;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.config.YdmykConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Who is on call: {@code ydmyk.on-call.rota.<day>} for that weekday, else {@code ydmyk.on-call.agent}. */
@ApplicationScoped
public class OnCall {

    private final YdmykConfig config;
    private final Credentials credentials;
    private final BusinessHours hours;

    public OnCall(YdmykConfig config, Credentials credentials, BusinessHours hours) {
        this.config = config;
        this.credentials = credentials;
        this.hours = hours;
    }

    public Optional<Agent> at(Instant when) {
        String day = when.atZone(hours.zone()).getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT);
        String login = config.onCall().rota().getOrDefault(day, config.onCall().agent().orElse(null));
        return login == null ? Optional.empty() : credentials.agentByLogin(login);
    }

    public Optional<String> slackUser(Agent agent) {
        YdmykConfig.Agent a = config.agents().get(agent.login());
        return a == null ? Optional.empty() : a.slackUser();
    }
}
