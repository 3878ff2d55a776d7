package dev.ydmyk.agents;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents the identity provider has signed in, as last seen, kept in the database for every instance:
 * so a decision shows its agent's name later, and a standing decision or an on-call turn finds its
 * agent while they are not signed in. Names are read from a copy held here (loaded at start, refreshed
 * every minute, updated at each sign-in that changes something), because they are looked up while
 * rows are being read and must not open a second connection then.
 */
@ApplicationScoped
public class ProviderAgents {

    private final Map<String, Agent> known = new ConcurrentHashMap<>();
    private final ProviderAgentRepository repository;
    private final Clock clock;

    public ProviderAgents(ProviderAgentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    void load(@Observes StartupEvent ev) {
        refresh();
    }

    /** Others signed in on other instances meanwhile. */
    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        known.putAll(repository.all());
    }

    /** A sign-in: remembered when it is new or its name or role changed. */
    void remember(Agent agent) {
        if (!agent.equals(known.get(agent.login()))) {
            repository.remember(agent, clock.instant());
            known.put(agent.login(), agent);
        }
    }

    /** From the copy held here: never opens a connection. */
    public Optional<Agent> known(String login) {
        return login == null ? Optional.empty() : Optional.ofNullable(known.get(login));
    }

    /** As {@link #known}, asking the database for someone first seen on another instance in the last minute. */
    public Optional<Agent> find(String login) {
        Optional<Agent> agent = known(login);
        if (agent.isPresent() || login == null) {
            return agent;
        }
        agent = repository.find(login);
        agent.ifPresent(a -> known.put(login, a));
        return agent;
    }
}
