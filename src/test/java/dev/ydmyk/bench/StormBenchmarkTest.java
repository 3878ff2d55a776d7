package dev.ydmyk.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ydmyk.Api;
import dev.ydmyk.drafting.llm.FakeOpenAiAccess;
import dev.ydmyk.incidents.StormGenerator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;

/**
 * Storms replayed against the service (incidents on, the model drafter against the fake model, a fake
 * Graph API with a page rate limit): a Telenor-sized evening (3,000 comments under one post plus 300
 * unrelated complaints) through the Facebook webhook, and a PayPal-sized wall (15 posts a second)
 * through the JSON API. Run with {@code ./mvnw verify -Pbench}; results in target/benchmarks/storms.md.
 */
@QuarkusTest
@Tag("benchmark")
@TestProfile(StormBenchmarkTest.Profile.class)
class StormBenchmarkTest {

    static final String PAGE = "104471295237";
    static final String SECRET = "bench-app-secret";
    /** Meta's limits are per page and usage-based; the fake allows this many publishing calls a second, then answers code 32. */
    static final int GRAPH_CALLS_PER_SECOND = 20;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeOpenAiAccess.resource(), Map.of("ydmyk.llm.max-concurrent", "8",
                    "ydmyk.drafting.workers", "4", "quarkus.langchain4j.openai.timeout", "30s")), new TestResourceEntry(Graph.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ydmyk.incidents.enabled", "true", "quarkus.datasource.jdbc.max-size", "32");
        }
    }

    /** The Graph API: comments and page posts get ids; more than the page's share of calls in a second get code 32. */
    public static class Graph implements QuarkusTestResourceLifecycleManager {
        static WireMockServer server;
        static final AtomicLong second = new AtomicLong();
        static final AtomicInteger calls = new AtomicInteger();
        static final AtomicInteger limited = new AtomicInteger();

        public static class RateLimit implements ResponseDefinitionTransformerV2 {
            @Override
            public ResponseDefinition transform(ServeEvent event) {
                long now = System.currentTimeMillis() / 1000;
                if (second.getAndSet(now) != now) {
                    calls.set(0);
                }
                if (calls.incrementAndGet() > GRAPH_CALLS_PER_SECOND) {
                    limited.incrementAndGet();
                    return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":{\"message\":\"(#32) Page request limit reached\",\"type\":\"OAuthException\",\"code\":32}}")
                            .build();
                }
                return event.getResponseDefinition();
            }

            @Override
            public String getName() {
                return "rate-limit";
            }

            @Override
            public boolean applyGlobally() {
                return false;
            }
        }

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").containerThreads(100)
                    .extensions(new RateLimit()));
            server.start();
            server.stubFor(post(urlMatching("/v21.0/[0-9_]+/comments")).willReturn(okJson("{\"id\":\"{{randomValue length=14 type='NUMERIC'}}\"}")
                    .withTransformers("response-template", "rate-limit")));
            server.stubFor(post(urlEqualTo("/v21.0/" + PAGE + "/feed")).willReturn(okJson("{\"id\":\"" + PAGE + "_900\"}")
                    .withTransformers("rate-limit")));
            return Map.of("ydmyk.facebook.app-secret", SECRET, "ydmyk.facebook.page-id", PAGE, "ydmyk.facebook.page-token", "EAAB-bench",
                    "ydmyk.facebook.verify-token", "v", "ydmyk.facebook.graph-url", "http://127.0.0.1:" + server.port() + "/v21.0",
                    "ydmyk.facebook.rate-limit-wait", "PT1S");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }

    @TestHTTPResource("/")
    URI base;
    @Inject
    AgroalDataSource ds;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Result(String name, int storm, int unrelated, double secondsToIncident, double secondsToStatement, double secondsToAllAcknowledged,
                  double bulkApproveSeconds, double secondsToAllPublished, double recall, double precision, double callsPerStormComplaint,
                  double callsPerUnrelatedComplaint, double callsWithoutIncidents, int rateLimited) {
    }

    static final String NB = "Hei,\n\nTakk for at du sier fra. Jeg forstår godt at dette er frustrerende, og jeg beklager. Jeg ser på "
            + "saken nå og kommer tilbake til deg.\n\n{agent}";
    static final String EN = "Hi,\n\nThank you for telling us. I understand how frustrating this is, and I am sorry. I am looking into "
            + "it now and will get back to you.\n\n{agent}";

    @Test
    void telenorAndPayPal() throws Exception {
        List<Result> results = new ArrayList<>();
        results.add(run("Telenor: 3,000 comments under one post over 10 min (replayed in 60 s), 300 unrelated", true,
                StormGenerator.storm(StormGenerator.Grievance.INTERNET_OUTAGE).posts(3000).languages("nb").underPost(PAGE + "_4242")
                        .repliesToEachOther(0.05).unrelated(300).over(Duration.ofSeconds(60)).seed(11).build()));
        results.add(run("PayPal: 15 posts a second for 2 min (1,800), 180 unrelated", false,
                StormGenerator.storm(StormGenerator.Grievance.PAYMENT_FAILURE).posts(1800).languages("en").unrelated(180)
                        .over(Duration.ofSeconds(120)).steady().seed(12).build()));
        StringBuilder md = new StringBuilder("| storm | storm posts | unrelated | incident after the 5th post | statement drafted | every member "
                + "acknowledged (pending) after the last post | one bulk approval | all published after the approval | recall | precision "
                + "| model calls per storm complaint | per unrelated complaint | the drafter without incidents (one call per complaint) "
                + "| Graph rate-limit answers |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format("| %s | %d | %d | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.3f | %.3f | %.3f | %.2f | %.2f | %d |%n",
                    r.name(), r.storm(), r.unrelated(), r.secondsToIncident(), r.secondsToStatement(), r.secondsToAllAcknowledged(),
                    r.bulkApproveSeconds(), r.secondsToAllPublished(), r.recall(), r.precision(), r.callsPerStormComplaint(),
                    r.callsPerUnrelatedComplaint(), r.callsWithoutIncidents(), r.rateLimited()));
        }
        Path out = Path.of("target/benchmarks/storms.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.print(md);
    }

    private Result run(String name, boolean facebook, List<StormGenerator.Post> posts) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("update incident set status = 'resolved' where status = 'open'");
        }
        FakeOpenAiAccess.server().resetRequests();
        FakeOpenAiAccess.server().stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withLogNormalRandomDelay(2000, 0.1)
                .withBody(FakeOpenAiAccess.completion(facebook ? NB : EN, facebook ? "nb" : "en"))));
        Graph.limited.set(0);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (StormGenerator.Post p : posts) {
            long wait = t0 + p.offset().toNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            HttpRequest request = facebook && p.storm() ? webhook(p) : api(p);
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        Instant lastPost = Instant.now();

        Map<String, StormGenerator.Post> byExternal = new HashMap<>();
        posts.forEach(p -> byExternal.put(facebook && p.storm() ? commentId(p) : p.externalId(), p));
        String incident = Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> biggestIncident(start), i -> i != null);
        int stormCount = (int) posts.stream().filter(StormGenerator.Post::storm).count();
        // Every member with a pending acknowledgement (or an answer) and no complaint left to draft.
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> waiting(start) == 0);
        double acknowledged = (lastAcknowledgementAt(incident).toEpochMilli() - lastPost.toEpochMilli()) / 1000.0;

        long b0 = System.nanoTime();
        given().baseUri(base.toString()).auth().preemptive().basic("kari", "kari-test").contentType("application/json")
                .body(Map.of("purpose", "acknowledgement")).post("/api/incidents/" + incident + "/approve").then().statusCode(200);
        double bulk = (System.nanoTime() - b0) / 1e9;
        Awaitility.await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(500)).until(() -> unsent(incident) == 0);
        double published = (System.nanoTime() - b0) / 1e9;

        int inIncident = 0;
        int stormIn = 0;
        int unrelatedComplaints = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select c.external_id, c.incident_id = ?::uuid as member, c.kind
                from complaint c where c.received_at >= ?""")) {
            ps.setString(1, incident);
            ps.setTimestamp(2, java.sql.Timestamp.from(start));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StormGenerator.Post p = byExternal.get(rs.getString(1));
                    if (p == null) {
                        continue;
                    }
                    boolean member = rs.getBoolean(2);
                    inIncident += member ? 1 : 0;
                    if (p.storm()) {
                        stormIn += member ? 1 : 0;
                    } else if ("complaint".equals(rs.getString(3))) {
                        unrelatedComplaints++;
                    }
                }
            }
        }
        Instant[] times = incidentTimes(incident, posts, start);
        // Every model call of the run (drafts of complaints outside the incident, statements, retries, fallbacks' first tries),
        // told apart by whether the request carries a storm post's words (a statement's request carries several).
        List<String> stormWords = posts.stream().filter(StormGenerator.Post::storm).map(p -> jsonText(p.text())).toList();
        int modelCalls = 0;
        int stormCalls = 0;
        for (var event : FakeOpenAiAccess.server().getAllServeEvents()) {
            modelCalls++;
            String body = event.getRequest().getBodyAsString();
            if (stormWords.stream().anyMatch(body::contains)) {
                stormCalls++;
            }
        }
        return new Result(name, stormCount, posts.size() - stormCount, secondsBetween(times[0], times[1]), secondsBetween(times[1], times[2]),
                acknowledged, bulk, published, stormIn / (double) stormCount, inIncident == 0 ? 0 : stormIn / (double) inIncident,
                stormCalls / (double) stormCount, unrelatedComplaints == 0 ? 0 : (modelCalls - stormCalls) / (double) unrelatedComplaints,
                1.0, Graph.limited.get());
    }

    /** The post's words as they stand inside a JSON request body (escaped), long enough to be its own. */
    private static String jsonText(String text) {
        try {
            String quoted = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
            String inner = quoted.substring(1, quoted.length() - 1);
            return inner.length() > 60 ? inner.substring(0, 60) : inner;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double secondsBetween(Instant a, Instant b) {
        return Duration.between(a, b).toMillis() / 1000.0;
    }

    private HttpRequest api(StormGenerator.Post p) throws Exception {
        Map<String, Object> body = new HashMap<>(p.apiBody("web"));
        body.remove("parentExternalId");
        return HttpRequest.newBuilder(base.resolve("/api/complaints")).header("Authorization", "Bearer " + Api.SOURCE_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body))).build();
    }

    private HttpRequest webhook(StormGenerator.Post p) {
        String postId = p.parentExternalId() != null && p.parentExternalId().startsWith(PAGE) ? p.parentExternalId() : PAGE + "_4242";
        String comment = commentId(p);
        String parent = p.parentExternalId() == null || p.parentExternalId().startsWith(PAGE) ? postId
                : "4242_" + p.parentExternalId().substring(p.parentExternalId().lastIndexOf('_') + 1);
        String json = """
                {"object":"page","entry":[{"id":"%s","time":1763654041,"changes":[{"field":"feed","value":{"from":{"id":"%s","name":%s},
                "post_id":"%s","comment_id":"%s","parent_id":"%s","message":%s,"created_time":1763654040,"item":"comment","verb":"add"}}]}]}"""
                .formatted(PAGE, Math.abs(p.authorHandle().hashCode()), quote(p.authorName()), postId, comment, parent, quote(p.text()));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + new HmacUtils(HmacAlgorithms.HMAC_SHA_256, SECRET).hmacHex(bytes);
        return HttpRequest.newBuilder(base.resolve("/webhooks/facebook")).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    /** A comment's Graph id: the post's own part, an underscore, the comment's number. */
    private static String commentId(StormGenerator.Post p) {
        return "4242_" + p.externalId().substring(p.externalId().lastIndexOf('_') + 1);
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String biggestIncident(Instant since) throws Exception {
        return single("select incident_id::text from complaint where received_at >= ? and incident_id is not null "
                + "group by incident_id order by count(*) desc limit 1", since);
    }

    private int waiting(Instant since) throws Exception {
        return Integer.parseInt(single("select count(*) from complaint where received_at >= ? and needs_draft", since));
    }

    private int unsent(String incident) throws Exception {
        return Integer.parseInt(single("select count(*) from draft where incident_id = '" + incident
                + "'::uuid and purpose = 'acknowledgement' and status = 'approved'", null));
    }

    private Instant lastAcknowledgementAt(String incident) throws Exception {
        return Instant.parse(single("select to_char(max(created_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') from draft where incident_id = '"
                + incident + "'::uuid and purpose = 'acknowledgement'", null));
    }

    /** When the 5th storm member arrived, when the incident formed, when its first statement was drafted. */
    private Instant[] incidentTimes(String incident, List<StormGenerator.Post> posts, Instant since) throws Exception {
        String fifth = single("select to_char(received_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') from complaint where incident_id = '"
                + incident + "'::uuid order by received_at offset 4 limit 1", null);
        String formed = single("select to_char(formed_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') from incident where id = '"
                + incident + "'::uuid", null);
        String statement = single("select to_char(min(created_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') from draft where incident_id = '"
                + incident + "'::uuid and purpose = 'statement'", null);
        return new Instant[]{Instant.parse(fifth), Instant.parse(formed), Instant.parse(statement)};
    }

    private String single(String sql, Instant since) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (since != null) {
                ps.setTimestamp(1, java.sql.Timestamp.from(since));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
