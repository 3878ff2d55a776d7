package dev.ydmyk.agents;

import dev.ydmyk.config.YdmykConfig;
import dev.ydmyk.problem.Problem;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Checks agents' passwords and sources' tokens from configuration, in constant time. */
@ApplicationScoped
public class Credentials {

    static final String DEMO_PASSWORD = "ydmyk-demo";
    static final String DEMO_TOKEN = "ydmyk-demo-token";
    /** A source's token kept as its SHA-256 in hex ({@code printf %s "$TOKEN" | sha256sum}): the token itself is kept nowhere. */
    static final String HASHED = "sha256:";
    private static final Logger LOG = Logger.getLogger(Credentials.class);

    private final YdmykConfig config;
    private final String host;
    private final SignInGuard guard;
    private final ProviderAgents providerAgents;
    /** Each source's token as a SHA-256 digest, in the order configured. */
    private final Map<String, byte[]> tokenDigests;
    /** Agents whose password is configured as a {@link PasswordHash}. */
    private final Map<String, PasswordHash> passwordHashes;
    /**
     * The SHA-256 of the last password that matched each hashed one: HTTP Basic presents it on every request, and a
     * key derivation each time would cost a quarter of a second of CPU per call. The configuration cannot change
     * while the service runs, so a match stays a match.
     */
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    /**
     * Key derivations at once: each is a quarter of a second of CPU or more, so a flood of wrong passwords (from many
     * addresses, each with its free tries) would otherwise take every core. Beyond it a sign-in is asked to come back.
     */
    private final Semaphore deriving = new Semaphore(2);

    public Credentials(YdmykConfig config, @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1") String host,
                       SignInGuard guard, ProviderAgents providerAgents) {
        this.config = config;
        this.host = host;
        this.guard = guard;
        this.providerAgents = providerAgents;
        this.tokenDigests = digestsOf(config);
        this.passwordHashes = hashesOf(config);
    }

    /**
     * The demo agent and the demo source token are public (they are in the README): with them the
     * service listens on this machine only, and says so; listening on any other address with them
     * configured stops start-up, with what to change.
     */
    void refuseDemoCredentialsBeyondThisMachine(@Observes StartupEvent ev) {
        List<String> demo = new ArrayList<>();
        config.agents().forEach((login, a) -> {
            if (DEMO_PASSWORD.equals(a.password())) {
                demo.add("ydmyk.agents." + login + ".password");
            }
        });
        tokenDigests.forEach((source, digest) -> {
            if (MessageDigest.isEqual(digest, sha256(DEMO_TOKEN))) {
                demo.add("ydmyk.sources." + source + ".token");
            }
        });
        if (demo.isEmpty()) {
            return;
        }
        if (!loopback(host)) {
            throw new IllegalStateException("quarkus.http.host=" + host + " would let anyone who can reach this machine sign in with "
                    + "the demo credentials in the README. Set real ones first: " + String.join(", ", demo));
        }
        LOG.infof("Listening on %s only while demo credentials are configured (%s); set real ones to listen on other addresses",
                host, String.join(", ", demo));
    }

    static boolean loopback(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    void warnAboutDemoCredentials(@Observes StartupEvent ev) {
        config.agents().forEach((login, a) -> {
            if (DEMO_PASSWORD.equals(a.password())) {
                LOG.warnf("Agent '%s' still has the demo password: set ydmyk.agents.%s.password before real use", login, login);
            } else if (!PasswordHash.looksHashed(a.password())) {
                LOG.warnf("Agent '%s' has their password in plain text in the configuration: set ydmyk.agents.%s.password to "
                        + "what bin/ydmyk hash-password prints", login, login);
            }
        });
        Map<String, String> firstWith = new LinkedHashMap<>();
        byte[] demo = sha256(DEMO_TOKEN);
        tokenDigests.forEach((source, digest) -> {
            if (MessageDigest.isEqual(digest, demo)) {
                LOG.warnf("Source '%s' still has the demo token: set ydmyk.sources.%s.token before real use", source, source);
                return;
            }
            String other = firstWith.putIfAbsent(HexFormat.of().formatHex(digest), source);
            if (other != null) {
                LOG.warnf("Sources '%s' and '%s' share one token: give each its own, so that one can be revoked without the other",
                        other, source);
            }
            if (!config.sources().get(source).token().startsWith(HASHED)) {
                LOG.warnf("Source '%s' has its token in plain text in the configuration: set ydmyk.sources.%s.token=%s<the token's "
                        + "SHA-256 in hex> (printf %%s \"$TOKEN\" | sha256sum)", source, source, HASHED);
            }
        });
        if (config.agents().isEmpty()) {
            LOG.warn("No agents are configured (ydmyk.agents.<login>.name/password): nobody can approve replies");
        }
    }

    /** The agent for an {@code Authorization: Basic ...} header, if the password matches. */
    public Optional<Agent> agent(String authorization) {
        return agent(authorization, null);
    }

    /** As {@link #agent(String)}; a Basic header whose login or password is wrong is logged as a failed sign-in from the address. */
    public Optional<Agent> agent(String authorization, String address) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            signInFailed("HTTP Basic", "(not Base64)", address);
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            signInFailed("HTTP Basic", "(no password)", address);
            return Optional.empty();
        }
        String login = decoded.substring(0, colon);
        refuseWhileWaiting(login, address);
        Optional<Agent> agent = check(login, decoded.substring(colon + 1));
        if (agent.isEmpty()) {
            signInFailed("HTTP Basic", login, address);
        } else {
            guard.succeeded(login);
        }
        return agent;
    }

    /** The agent with this login, if the password is theirs. */
    public Optional<Agent> check(String login, String password) {
        YdmykConfig.Agent a = login == null ? null : config.agents().get(login);
        String presented = password == null ? "" : password;
        boolean ok;
        if (a != null && passwordHashes.containsKey(login)) {
            byte[] digest = sha256(login + "\u0000" + presented);
            byte[] known = verified.get(login);
            ok = known != null && MessageDigest.isEqual(known, digest);
            if (!ok && derive(passwordHashes.get(login), presented)) {
                verified.put(login, digest);
                ok = true;
            }
        } else if (a == null && !passwordHashes.isEmpty()) {
            // As long as a wrong password for a hashed one: an unknown login is not told apart by the time it takes.
            derive(passwordHashes.values().iterator().next(), presented);
            ok = false;
        } else {
            ok = equal(presented, a == null ? "\u0000never" : a.password());
        }
        return ok && a != null ? Optional.of(new Agent(login, a.name(), a.admin())) : Optional.empty();
    }

    private boolean derive(PasswordHash hash, String presented) {
        boolean acquired;
        try {
            acquired = deriving.tryAcquire(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new Problem(429, "Too Many Requests", "Too many sign-ins at once: try again in a few seconds", "Authorization", null);
        }
        try {
            return hash.matches(presented);
        } finally {
            deriving.release();
        }
    }

    /** How long this login or address must wait before its next sign-in; empty when it may try now. */
    public Optional<Duration> waitBeforeSignIn(String login, String address) {
        return guard.waitFor(login, address);
    }

    /** A sign-in with the right password: the login's failures are forgotten. */
    public void signedIn(String login) {
        guard.succeeded(login);
    }

    /** Too many failed sign-ins for this login or from this address: 429, with how long to wait. */
    public void refuseWhileWaiting(String login, String address) {
        guard.waitFor(login, address).ifPresent(wait -> {
            throw new Problem(429, "Too Many Requests", "Too many failed sign-ins for this login or from this address: try again in "
                    + wait.toSeconds() + " s", "Authorization", null);
        });
    }

    /** Logs a failed sign-in with the login tried and where from; never the password. Counts towards slowing the next. */
    public void signInFailed(String how, String login, String address) {
        guard.failed(login, address);
        LOG.warnf("Failed sign-in (%s): login '%s' from %s", how, printable(login), address == null ? "an unknown address" : address);
    }

    /** A login as tried, fit for one log line: control characters shown as '?', at most 100 characters. */
    static String printable(String login) {
        if (login == null) {
            return "";
        }
        String cut = login.length() > 100 ? login.substring(0, 100) + "…" : login;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** An agent from ydmyk.agents only: the channel page's own sessions are theirs. */
    Optional<Agent> builtInAgent(String login) {
        YdmykConfig.Agent a = login == null ? null : config.agents().get(login);
        return a == null ? Optional.empty() : Optional.of(new Agent(login, a.name(), a.admin()));
    }

    /** A built-in agent, else one the identity provider has signed in (as last seen). */
    public Optional<Agent> agentByLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        YdmykConfig.Agent a = config.agents().get(login);
        return a == null ? providerAgents.find(login) : Optional.of(new Agent(login, a.name(), a.admin()));
    }

    /**
     * The name that signs this login's decisions (the login itself for someone no longer known). Never
     * opens a connection, so it may be asked while rows are being read.
     */
    public String nameOf(String login) {
        if (login == null) {
            return null;
        }
        YdmykConfig.Agent a = config.agents().get(login);
        return a != null ? a.name() : providerAgents.known(login).map(Agent::name).orElse(login);
    }

    /** The sources an {@code Authorization: Bearer ...} header may post for. */
    public Set<String> sourcesFor(String authorization) {
        Set<String> sources = new LinkedHashSet<>();
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return sources;
        }
        byte[] presented = sha256(authorization.substring(7).strip());
        tokenDigests.forEach((source, digest) -> {
            if (MessageDigest.isEqual(presented, digest)) {
                sources.add(source);
            }
        });
        return sources;
    }

    /**
     * Each source's token as a SHA-256 digest: {@code sha256:<hex>} as configured, a plain token hashed here. Both
     * sides are compared as digests, in constant time. A {@code sha256:} value that is not 64 hex digits stops
     * start-up with the key to mend.
     */
    private static Map<String, byte[]> digestsOf(YdmykConfig config) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        config.sources().forEach((source, s) -> {
            String token = s.token();
            if (token.startsWith(HASHED)) {
                String hex = token.substring(HASHED.length()).strip();
                if (!hex.matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalStateException("ydmyk.sources." + source + ".token: after '" + HASHED
                            + "' comes the token's SHA-256 as 64 hex digits (printf %s \"$TOKEN\" | sha256sum)");
                }
                digests.put(source, HexFormat.of().parseHex(hex));
            } else {
                digests.put(source, sha256(token));
            }
        });
        return Collections.unmodifiableMap(digests);
    }

    /** The agents whose password is configured hashed; one that starts like a hash but is not stops start-up with the key. */
    private static Map<String, PasswordHash> hashesOf(YdmykConfig config) {
        Map<String, PasswordHash> hashes = new LinkedHashMap<>();
        config.agents().forEach((login, a) -> {
            if (PasswordHash.looksHashed(a.password())) {
                hashes.put(login, PasswordHash.parse("ydmyk.agents." + login + ".password", a.password()));
            }
        });
        return Collections.unmodifiableMap(hashes);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
