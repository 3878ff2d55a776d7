package dev.ydmyk.agents;

/** A person who may approve replies: their login and the name that signs what they send. */
public record Agent(String login, String name) {
}
