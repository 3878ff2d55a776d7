package dev.ydmyk.schedule;

import dev.ydmyk.agents.Agent;
import dev.ydmyk.agents.Credentials;
import dev.ydmyk.config.YdmykConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is on call: {@code ydmyk.on-call.rota.<day>} for that weekday, else {@code ydmyk.on-call.agent}.
 * The rota is read at start-up; a key that is not a weekday stops it rather than being ignored.
 */
@Startup
@ApplicationScoped
public class OnCall {

    private final YdmykConfig config;
    private final Credentials credentials;
    private final BusinessHours hours;
    private final Map<DayOfWeek, String> rota;

    public OnCall(YdmykConfig config, Credentials credentials, BusinessHours hours) {
        this.config = config;
        this.credentials = credentials;
        this.hours = hours;
        this.rota = rota(config.onCall().rota());
    }

    /** The rota by weekday; keys may be {@code sat} or {@code saturday}, in any case. */
    static Map<DayOfWeek, String> rota(Map<String, String> byKey) {
        Map<DayOfWeek, String> rota = new EnumMap<>(DayOfWeek.class);
        byKey.forEach((key, login) -> {
            String k = key.strip().toUpperCase(Locale.ROOT);
            DayOfWeek day = Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().equals(k) || d.name().substring(0, 3).equals(k)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("ydmyk.on-call.rota." + key
                            + " is not a weekday: use mon, tue, wed, thu, fri, sat or sun (or the full name)"));
            String before = rota.put(day, login.strip());
            if (before != null && !before.equals(login.strip())) {
                throw new IllegalArgumentException("ydmyk.on-call.rota names two agents for " + day.name().toLowerCase(Locale.ROOT)
                        + ": '" + before + "' and '" + login.strip() + "'");
            }
        });
        return rota;
    }

    public Optional<Agent> at(Instant when) {
        DayOfWeek day = when.atZone(hours.zone()).getDayOfWeek();
        String login = rota.getOrDefault(day, config.onCall().agent().orElse(null));
        return login == null ? Optional.empty() : credentials.agentByLogin(login);
    }

    public Optional<String> slackUser(Agent agent) {
        YdmykConfig.Agent a = config.agents().get(agent.login());
        return a == null ? Optional.empty() : a.slackUser();
    }
}
