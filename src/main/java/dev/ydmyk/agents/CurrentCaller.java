package dev.ydmyk.agents;

import jakarta.enterprise.context.RequestScoped;

import java.util.Set;

/** Who is calling in this request, as established by the authentication filters. */
@RequestScoped
public class CurrentCaller {

    private Agent agent;
    private Set<String> sources = Set.of();

    public Agent agent() {
        return agent;
    }

    public Set<String> sources() {
        return sources;
    }

    void agent(Agent agent) {
        this.agent = agent;
    }

    void sources(Set<String> sources) {
        this.sources = sources;
    }
}
