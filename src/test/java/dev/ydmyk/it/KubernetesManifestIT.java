package dev.ydmyk.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests written at package time (target/kubernetes/kubernetes.yml): two replicas,
 * probes on health paths the packaged service really serves, resources, and credentials only from Secrets.
 */
class KubernetesManifestIT {

    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");

    private final Path manifests = PackagedService.packagedApp().getParent().resolve("kubernetes/kubernetes.yml");
    private final List<JsonNode> documents = new ArrayList<>();
    private Path dir;
    private PackagedService service;

    @BeforeEach
    void read() throws IOException {
        assertTrue(Files.exists(manifests), manifests + " is written by ./mvnw package");
        new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(manifests.toFile())
                .forEachRemaining(d -> documents.add((JsonNode) d));
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.stopQuietly();
        }
        if (dir != null) {
            FirstRunIT.deleteTree(dir);
        }
    }

    @Test
    void twoReplicasWithResourcesAndLimits() {
        assertEquals(2, deployment().at("/spec/replicas").asInt());
        JsonNode resources = container().get("resources");
        for (String what : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
            assertFalse(resources.at(what).asText().isBlank(), "resources" + what + " in " + resources);
        }
        // The JVM is told its heap, and the limit leaves room for what the JVM holds beside it (about 160 MB measured).
        String jvm = variable(container().get("env"), "JAVA_TOOL_OPTIONS").get("value").asText();
        Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(jvm);
        assertTrue(heap.find() && jvm.contains("-XX:+UseSerialGC"), "JAVA_TOOL_OPTIONS: " + jvm);
        assertTrue(mebibytes(resources.at("/limits/memory").asText()) >= 3 * Integer.parseInt(heap.group(1)), resources.toString());
    }

    private static int mebibytes(String quantity) {
        return quantity.endsWith("Gi") ? 1024 * Integer.parseInt(quantity.replace("Gi", "")) : Integer.parseInt(quantity.replace("Mi", ""));
    }

    @Test
    void theProbesAskHealthPathsTheServiceServes() throws Exception {
        JsonNode http = null;
        for (JsonNode port : container().get("ports")) {
            if ("http".equals(port.get("name").asText())) {
                http = port;
            }
        }
        assertEquals(8080, http.get("containerPort").asInt(), "the service's own port (quarkus.http.port)");

        dir = Files.createDirectories(Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath());
        // Started with the pod's JVM options: the probes answer within the heap the manifest gives it.
        service = new PackagedService(PackagedService.projectDir(), PackagedService.packagedApp(), dir.resolve("service.log"))
                .environment("JAVA_TOOL_OPTIONS", variable(container().get("env"), "JAVA_TOOL_OPTIONS").get("value").asText())
                .with("ydmyk.embedded-db.data-dir", dir.resolve("pg").toString()).start();
        HttpClient client = HttpClient.newHttpClient();
        for (String probe : PROBES) {
            JsonNode get = container().at("/" + probe + "/httpGet");
            assertEquals(http.get("containerPort").asInt(), get.get("port").asInt(), probe + " asks the service's port");
            String path = get.get("path").asText();
            assertTrue(path.startsWith("/q/health/"), probe + ": " + path);
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), probe + " " + path + ": " + answer.body());
            assertTrue(answer.body().contains("\"UP\""), probe + " " + path + ": " + answer.body());
        }
    }

    @Test
    void inThePodTheServiceListensBeyondLoopbackAndOnAnExternalDatabase() {
        JsonNode env = container().get("env");
        assertEquals("0.0.0.0", variable(env, "QUARKUS_HTTP_HOST").get("value").asText(), "probes reach the pod's address");
        for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            JsonNode fromSecret = variable(env, name).at("/valueFrom/secretKeyRef");
            assertFalse(fromSecret.isMissingNode(), name + " comes from a Secret: " + env);
            assertEquals("ydmyk-database", fromSecret.get("name").asText());
        }
        assertEquals("ydmyk", container().at("/envFrom/0/secretRef/name").asText(), "sources' tokens and agents' passwords: " + container());
    }

    @Test
    void noCredentialIsWrittenInTheManifests() throws IOException {
        for (JsonNode variable : container().get("env")) {
            String name = variable.get("name").asText();
            if (name.matches(".*(PASSWORD|TOKEN|SECRET|KEY).*")) {
                assertTrue(variable.get("value") == null, name + " has a value in plain text: " + variable);
            }
        }
        String yaml = Files.readString(manifests);
        for (String credential : configuredCredentials()) {
            assertFalse(yaml.contains(credential), "a credential from config/application.properties is in " + manifests);
        }
        assertFalse(yaml.contains("kind: Secret"), "Secrets are the operator's, not the build's");
    }

    /** The demo passwords and tokens in the operator's file, which the image must not carry into a manifest. */
    private static List<String> configuredCredentials() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(PackagedService.projectDir().resolve("config/application.properties"))) {
            p.load(in);
        }
        List<String> values = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".password") || key.endsWith(".token")) {
                values.add(p.getProperty(key));
            }
        }
        assertFalse(values.isEmpty());
        return values;
    }

    private JsonNode deployment() {
        return documents.stream().filter(d -> "Deployment".equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment in " + manifests));
    }

    private JsonNode container() {
        JsonNode containers = deployment().at("/spec/template/spec/containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static JsonNode variable(JsonNode env, String name) {
        for (JsonNode v : env) {
            if (name.equals(v.get("name").asText())) {
                return v;
            }
        }
        throw new AssertionError(name + " is not set: " + env);
    }
}
