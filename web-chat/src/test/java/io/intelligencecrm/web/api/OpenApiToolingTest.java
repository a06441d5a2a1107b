package io.intelligencecrm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.NodeTools;
import io.intelligencecrm.web.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document as outside tools take it: Redocly's linter finds no error, and a client
 * generated from it (openapi-typescript + openapi-fetch) compiles with tsc and drives the running app.
 */
class OpenApiToolingTest {
    private static CrmApplication application;
    private static Path document;

    @BeforeAll
    static void start() throws IOException {
        application = TestServer.start();
        ApiClient.Response response = new ApiClient(application.url(), null).get("/api/openapi.json");
        assertEquals(200, response.status());
        Path folder = Files.createDirectories(Path.of("target/openapi"));
        document = folder.resolve("openapi.json").toAbsolutePath();
        Files.writeString(document, response.body());
    }

    @AfterAll
    static void stop() {
        application.stop();
    }

    @Test
    void redocly_finds_no_error_in_the_served_document() {
        NodeTools.Run lint = NodeTools.run(List.of(NodeTools.bin("redocly").toString(), "lint", "--config",
                "redocly.yaml", "--format", "stylish", document.toString()), Map.of(), Duration.ofMinutes(2));
        assertEquals(0, lint.exitCode(), lint.output());
    }

    @Test
    void a_generated_typescript_client_compiles_and_drives_the_app() {
        Duration minute = Duration.ofMinutes(1);
        NodeTools.Run generate = NodeTools.run(List.of(NodeTools.bin("openapi-typescript").toString(),
                document.toString(), "--output", "openapi-client/generated/schema.d.ts"), Map.of(), minute);
        assertEquals(0, generate.exitCode(), generate.output());
        NodeTools.Run compile = NodeTools.run(List.of(NodeTools.bin("tsc").toString(), "--project", "openapi-client"),
                Map.of(), Duration.ofMinutes(2));
        assertEquals(0, compile.exitCode(), compile.output());

        DemoData.DemoLogin rep = DemoData.LOGINS.stream().filter(login -> login.role() == Role.REP).findFirst()
                .orElseThrow();
        NodeTools.Run drive = NodeTools.run(NodeTools.node("openapi-client/build/drive.js", application.url(),
                DemoData.SLUG, rep.email(), rep.password()), Map.of(), minute);
        assertEquals(0, drive.exitCode(), drive.output());
        assertTrue(drive.output().contains("problem+json 400"), drive.output());
    }
}
