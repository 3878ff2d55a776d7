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

    /** Whether the signed-in agent is an administrator (a built-in agent's flag, or a sign-in provider's admin role). */
    public boolean admin() {
        return agent != null && agent.admin();
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
