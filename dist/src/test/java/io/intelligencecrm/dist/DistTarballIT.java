package io.intelligencecrm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tarball as an operator gets it: unpacked into an empty folder and started with its launcher,
 * configured by environment variables only, against a PostgreSQL started separately (this test's
 * own cluster) with an empty database the product migrates itself.
 */
class DistTarballIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = System.getProperty("crm.version");

    private static Path home;
    private static Path output;
    private static Process server;
    private static String url;
    private static int metricsPort;

    @BeforeAll
    static void unpackAndStart() throws Exception {
        Path tarball = Path.of(System.getProperty("crm.tarball"));
        Path unpacked = Files.createTempDirectory("crm-dist-");
        assertEquals(0, new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", unpacked.toString())
                .inheritIO().start().waitFor());
        home = unpacked.resolve("intelligence-crm-" + VERSION);
        DatabaseCoordinates database = TestPostgres.get().emptyDatabase();
        int port = freePort();
        metricsPort = freePort();
        url = "http://127.0.0.1:" + port;
        output = unpacked.resolve("server.log");
        ProcessBuilder launcher = launcher("serve");
        launcher.environment().putAll(Map.of(
                "CRM_DATABASE_URL", database.url(),
                "CRM_DATABASE_OWNER_USER", database.ownerUser(),
                "CRM_DATABASE_OWNER_PASSWORD", database.ownerPassword(),
                "CRM_DATABASE_APP_USER", database.appUser(),
                "CRM_DATABASE_APP_PASSWORD", database.appPassword(),
                "CRM_HTTP_PORT", String.valueOf(port),
                "CRM_DATA_DIR", unpacked.resolve("data").toString(),
                "CRM_LOG_FORMAT", "json",
                "CRM_METRICS_PORT", String.valueOf(metricsPort),
                "CRM_JAVA_OPTS", "-Xmx768m"));
        server = launcher.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            if (status("/health/ready") == 200) return;
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not become ready:\n" + Files.readString(output));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The launcher with a clean environment: nothing but a PATH and the JDK running this test. */
    private static ProcessBuilder launcher(String... args) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(home.resolve("bin/intelligence-crm").toString());
        builder.command().addAll(List.of(args));
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    @Test
    void the_tarball_holds_the_launcher_the_jars_and_no_test_libraries() throws IOException {
        assertTrue(Files.isExecutable(home.resolve("bin/intelligence-crm")));
        assertTrue(Files.exists(home.resolve("CHANGELOG.md")));
        assertTrue(Files.exists(home.resolve("deploy/kubernetes/deployment.yaml")));
        try (var jars = Files.list(home.resolve("lib"))) {
            List<String> names = jars.map(path -> path.getFileName().toString()).toList();
            assertTrue(names.contains("web-chat-" + VERSION + ".jar"), names.toString());
            assertTrue(names.stream().anyMatch(name -> name.startsWith("postgresql-")), names.toString());
            for (String testOnly : List.of("junit", "greenmail", "playwright", "opentest4j")) {
                assertTrue(names.stream().noneMatch(name -> name.startsWith(testOnly)), testOnly + " is shipped");
            }
        }
    }

    @Test
    void the_started_tarball_migrates_the_empty_database_and_serves_the_api() throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"tenant": "demo", "email": "sam@demo.example", "password": "demo-manager-pass"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String token = JSON.readTree(login.body()).get("accessToken").asText();
        HttpResponse<String> contacts = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/contacts?limit=3"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, contacts.statusCode(), contacts.body());
        assertEquals(3, JSON.readTree(contacts.body()).get("items").size());
    }

    @Test
    void it_reports_its_version_in_metrics_and_logs_one_json_object_per_line() throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("crm_build_info{version=\"" + VERSION + "\"} 1"), "build info with version");
        List<String> lines = Files.readAllLines(output).stream().filter(line -> !line.isBlank()).toList();
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            if (line.startsWith("WARNING:")) continue; // the JVM's own notices, not the product's log
            JsonNode entry = JSON.readTree(line);
            assertTrue(entry.has("timestamp") && entry.has("level") && entry.has("formattedMessage"), line);
        }
    }

    @Test
    void the_launcher_answers_version_and_health() throws Exception {
        Process version = launcher("version").redirectErrorStream(true).start();
        assertEquals(VERSION, new String(version.getInputStream().readAllBytes()).trim());
        assertEquals(0, version.waitFor());
        Process health = launcher("health", url + "/health/ready").redirectErrorStream(true).start();
        health.getInputStream().readAllBytes();
        assertEquals(0, health.waitFor());
    }

    private static int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
