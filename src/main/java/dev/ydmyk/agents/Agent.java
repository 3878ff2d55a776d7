package dev.ydmyk.agents;

/**
 * A person who may approve replies: their login and the name that signs what they send. An
 * administrator ({@code ydmyk.agents.<login>.admin=true}, or the admin role of a sign-in provider)
 * may also export and erase customers' data and read the audit.
 */
public record Agent(String login, String name, boolean admin) {

    public Agent(String login, String name) {
        this(login, name, false);
    }
}
