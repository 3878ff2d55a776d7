package dev.ydmyk.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sun.net.httpserver.HttpServer;
import dev.ydmyk.incidents.StormGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged instances share one PostgreSQL server and a storm: posts arrive through both, agents approve
 * through both, and one instance is killed with SIGKILL while the acknowledgements are going out through a
 * slow customer platform. The survivor finishes the work: every complaint drafted once, every approved reply
 * published to its customer as one message, every ping to the on-call agent made once.
 */
class TwoInstancesStormIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String AGENT = "it:it-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the customers' platform received: one entry per delivery. */
    record Delivery(String messageId, String purpose, String externalId, long arrivedNanos) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<PackagedService> services = new ArrayList<>();
    private HttpServer platform;
    private WireMockServer slack;
    private String database;

    @AfterEach
    void stop() throws Exception {
        for (PackagedService s : services) {
            s.stopQuietly();
        }
        if (platform != null) {
            platform.stop(0);
        }
        if (slack != null) {
            slack.stop();
        }
        if (database != null) {
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    @Test
    void aStormThroughTwoInstancesOneKilledIsDraftedPublishedAndPingedOnce() throws Exception {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            database = "ydmyk_storm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            s.execute("create database " + database);
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL server at 127.0.0.1:5432 (.ci/run starts one): " + e.getMessage());
        }
        startPlatform();
        startSlack();
        PackagedService a = instance("a");
        PackagedService b = instance("b");

        // An outage storm, with unrelated complaints between, half through each instance.
        List<StormGenerator.Post> posts = StormGenerator.storm(StormGenerator.Grievance.INTERNET_OUTAGE).posts(40)
                .over(Duration.ofMinutes(2)).languages("nb").unrelated(12).seed(42).build();
        for (int i = 0; i < posts.size(); i++) {
            PackagedService to = i % 2 == 0 ? a : b;
            Map<String, Object> body = new HashMap<>(posts.get(i).apiBody("web"));
            body.remove("parentExternalId"); // the web source has no threads
            HttpResponse<String> created = send(to, "POST", "/api/complaints", JSON.writeValueAsString(body),
                    "Bearer " + PackagedService.TOKEN);
            assertEquals(201, created.statusCode(), created.body());
        }

        // Every complaint is triaged and drafted (an acknowledgement for an incident's members, a reply for the rest,
        // nothing for spam), whichever instance took it in and whichever drafted it.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(this::unfinished, equalTo(
                "0 complaints waiting for a draft, 0 members without an acknowledgement, 0 incidents without a statement"));
        List<String> incidents = strings("select id::text from incident where status = 'open' order by size desc");
        assertTrue(!incidents.isEmpty(), "the storm formed an incident");
        assertTrue(number("select max(size) from incident") >= 15, "most of the storm in one incident");

        // Through B: the statements and the ordinary replies, one by one. Through A: the acknowledgements, one decision per incident.
        List<String> oneByOne = strings("select id::text from draft where status = 'pending' and purpose in ('reply', 'statement')");
        Set<String> approvedOneByOne = new HashSet<>();
        for (String draft : oneByOne) {
            HttpResponse<String> r = send(b, "POST", "/api/drafts/" + draft + "/approve", "{}", basic());
            if (r.statusCode() == 200) {
                approvedOneByOne.add(draft);
            } else {
                // A draft the tone check flagged waits for a person's override; it is not sent.
                assertEquals(409, r.statusCode(), r.body());
            }
        }
        assertTrue(approvedOneByOne.size() >= oneByOne.size() / 2, approvedOneByOne.size() + " of " + oneByOne.size());
        int acknowledged = 0;
        for (String incident : incidents) {
            HttpResponse<String> r = send(a, "POST", "/api/incidents/" + incident + "/approve", "{\"purpose\":\"acknowledgement\"}", basic());
            assertEquals(200, r.statusCode(), r.body());
            acknowledged += JSON.readTree(r.body()).path("approved").asInt();
        }
        assertTrue(acknowledged >= 10, acknowledged + " acknowledgements approved");

        // Some acknowledgements are out, the rest on their way: B dies mid-send.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> delivered("acknowledgement") >= 3);
        b.killAndWait();
        long killedAt = System.nanoTime();
        int beforeKill = delivered("acknowledgement");
        assertTrue(beforeKill < acknowledged, "the kill came in the middle of the send: " + beforeKill + " of " + acknowledged);

        // A finishes alone, taking over what B held once B's lease on it runs out.
        int approved = acknowledged + approvedOneByOne.size();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> number("select count(*) from reply where sent_at is not null") == approved);

        // Drafted once: no complaint has two drafts of one purpose, no incident two statements in one language.
        assertEquals(0, number("select count(*) from (select complaint_id, purpose, language from draft"
                + " where purpose <> 'statement' group by 1, 2, 3 having count(*) > 1) twice"), "a complaint drafted twice");
        assertEquals(0, number("select count(*) from (select incident_id, language from draft where purpose = 'statement'"
                + " group by 1, 2 having count(*) > 1) twice"), "an incident's statement drafted twice in one language");

        // Published once: one message per approved reply, each delivered once unless it was in flight at the kill
        // (then again under the same Idempotency-Key, which the platform uses to drop the repeat).
        Map<String, Set<String>> messagesPerCustomerAndPurpose = new HashMap<>();
        Map<String, Integer> deliveriesPerMessage = new HashMap<>();
        Map<String, Long> firstArrival = new HashMap<>();
        for (Delivery d : deliveries) {
            if (!"statement".equals(d.purpose())) { // a statement is public, one per incident and language (checked above)
                messagesPerCustomerAndPurpose.computeIfAbsent(d.externalId() + " " + d.purpose(), k -> new HashSet<>()).add(d.messageId());
            }
            deliveriesPerMessage.merge(d.messageId(), 1, Integer::sum);
            firstArrival.merge(d.messageId(), d.arrivedNanos(), Math::min);
        }
        assertEquals(approved, deliveriesPerMessage.size(), "every approved reply reached its customer: " + messagesPerCustomerAndPurpose
                + strings("select d.id || ' ' || d.incident_id || ' ' || c.external_id || ' ' || d.status from draft d join complaint c"
                + " on c.id = d.complaint_id where d.purpose = 'statement'"));
        messagesPerCustomerAndPurpose.forEach((customer, ids) -> assertEquals(1, ids.size(), customer + " got one message: " + ids));
        deliveriesPerMessage.forEach((id, n) -> assertTrue(n == 1 || firstArrival.get(id) < killedAt,
                "only a message in flight at the kill is delivered again: " + id + " " + n + " times"));

        // Pinged once: the incident's formation once in all, and no ping repeated by the other instance.
        List<String> pings = slackTexts().stream().filter(t -> t.startsWith(":rotating_light:")).toList();
        assertEquals(number("select count(*) from incident"), pings.stream().filter(t -> t.contains("Open the incident")).count(), pings.toString());
        assertEquals(new HashSet<>(pings).size(), pings.size(), "a ping made twice: " + pings);
    }

    private PackagedService instance(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it-two-storm", name));
        PackagedService s = new PackagedService(PackagedService.projectDir(), PackagedService.packagedApp(), dir.resolve("service.log"))
                .with("quarkus.datasource.jdbc.url", SERVER + database).with("quarkus.datasource.username", "postgres")
                .with("quarkus.datasource.password", "postgres")
                .with("ydmyk.incidents.enabled", "true").with("ydmyk.approval.undo", "PT1S")
                .with("ydmyk.sources.web.token", PackagedService.TOKEN)
                .with("ydmyk.sources.web.callback-url", "http://127.0.0.1:" + platform.getAddress().getPort() + "/replies")
                .with("ydmyk.slack.bot-token", "xoxb-it").with("ydmyk.slack.channel", "C0IT")
                .with("ydmyk.slack.api-url", "http://127.0.0.1:" + slack.port() + "/api/")
                .with("ydmyk.slack.post-interval", "PT0.05S")
                .with("ydmyk.agents.it.slack-user", "U0IT").with("ydmyk.on-call.agent", "it")
                // What a dead instance held is taken over this soon (the platform answers well within it).
                .with("ydmyk.publishing.lease", "PT8S").with("ydmyk.publishing.callback-timeout", "PT4S")
                .with("ydmyk.drafting.lease", "PT8S").with("ydmyk.publishing.retry-every", "0.5s");
        services.add(s);
        return s.start();
    }

    /** The customers' platform: answers each reply slowly, so a bulk send takes a while. */
    private void startPlatform() throws IOException {
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.setExecutor(Executors.newFixedThreadPool(8));
        platform.createContext("/replies", exchange -> {
            long arrived = System.nanoTime();
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body.path("purpose").asText(),
                    body.path("externalId").asText(), arrived));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        platform.start();
    }

    /** Slack's Web API as documented: 200 with {"ok": true, ...}. */
    private void startSlack() {
        slack = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        Map<String, String> answers = Map.of(
                "chat.postMessage", "{\"ok\":true,\"channel\":\"C0IT\",\"ts\":\"{{randomValue length=10 type='NUMERIC'}}.000100\"}",
                "chat.update", "{\"ok\":true,\"channel\":\"C0IT\",\"ts\":\"1.1\"}",
                "auth.test", "{\"ok\":true,\"team\":\"Ydmyk\",\"user\":\"ydmyk\",\"team_id\":\"T0IT\",\"user_id\":\"U0BOT\"}");
        answers.forEach((method, body) -> slack.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body).withTransformers("response-template"))));
    }

    private List<String> slackTexts() {
        List<String> texts = new ArrayList<>();
        for (LoggedRequest r : slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")))) {
            for (String field : r.getBodyAsString().split("&")) {
                if (field.startsWith("text=")) {
                    texts.add(URLDecoder.decode(field.substring(5), StandardCharsets.UTF_8));
                }
            }
        }
        return texts;
    }

    private String unfinished() throws SQLException {
        return number("select count(*) from complaint where needs_draft") + " complaints waiting for a draft, "
                + number("select count(*) from complaint c where c.incident_id is not null and not exists (select 1 from draft d"
                + " where d.complaint_id = c.id and d.status = 'pending' and d.purpose = 'acknowledgement')") + " members without an acknowledgement, "
                + number("select count(*) from incident i where not exists (select 1 from draft d where d.incident_id = i.id"
                + " and d.purpose = 'statement')") + " incidents without a statement" + strings("select c.kind || ' ' || c.severity || ' '"
                + " || coalesce((select string_agg(d.purpose || ':' || d.status || ':' || d.drafter, ',') from draft d where d.complaint_id = c.id), '-')"
                + " || ' ' || c.text from complaint c where c.incident_id is not null and not exists (select 1 from draft d"
                + " where d.complaint_id = c.id and d.status = 'pending' and d.purpose = 'acknowledgement')").stream().map(x -> "\n  " + x)
                .reduce("", String::concat);
    }

    private int delivered(String purpose) {
        return (int) deliveries.stream().filter(d -> purpose.equals(d.purpose())).map(Delivery::messageId).distinct().count();
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(SERVER + db, "postgres", "postgres");
    }

    private long number(String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(AGENT.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(PackagedService to, String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(to.uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", authorization);
        if (body != null) {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
