package io.intelligencecrm.web.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.mcp.ApprovalCodes;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.auth.SecretsKey;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.NodeTools;
import io.intelligencecrm.web.testing.OtherTenant;
import io.intelligencecrm.web.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP server as an outside assistant sees it, through the official TypeScript client
 * ({@code test-tools/mcp/check.mjs}) over HTTP and through {@code ./crm mcp}'s stdio bridge.
 */
class McpClientTest {
    private static CrmApplication application;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        application = TestServer.start();
        admin = DemoLogins.as(application, Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        application.stop();
    }

    @Test
    void an_outside_assistant_gets_its_roles_tools_reads_proposes_and_approves_only_with_the_users_code()
            throws IOException {
        UUID repUser = userId("jordan@demo.example");
        String repKey = key("assistant of a rep", "rep", repUser);
        String viewerKey = key("read-only assistant", "viewer", repUser);
        String revokedKey = key("old laptop", "rep", repUser);
        JsonNode revoked = admin.get("/api/api-keys").json();
        for (JsonNode listed : revoked) {
            if (listed.get("name").asText().equals("old laptop")) admin.delete("/api/api-keys/" + listed.get("id").asText());
        }
        JsonNode contact = admin.get("/api/contacts?hasEmail=true&limit=1").json().at("/items/0");
        OtherTenant.create(application, "mcpother");
        String otherContact = OtherTenant.login(application, "mcpother", Role.ADMIN).post("/api/contacts",
                "{\"firstName\": \"Not\", \"lastName\": \"Yours\", \"email\": \"not.yours@mcpother.example\"}")
                .json().get("id").asText();

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mode", "tools");
        config.put("url", application.url());
        config.put("publicUrl", application.settings().server().publicUrl());
        config.put("keys", Map.of("rep", repKey, "viewer", viewerKey, "revoked", revokedKey));
        config.put("contactId", contact.get("id").asText());
        config.put("contactEmail", contact.get("email").asText());
        config.put("otherContactId", otherContact);
        config.put("stdio", Map.of("command", ProcessHandle.current().info().command().orElse("java"),
                "args", List.of("-cp", System.getProperty("java.class.path"), "io.intelligencecrm.mcp.stdio.StdioBridge"),
                "cwd", Path.of("").toAbsolutePath().toString()));
        JsonNode checked = run(config);
        assertTrue(checked.get("missingKey").asText().contains("401"), checked.toString());
        assertTrue(checked.get("revokedKey").asText().contains("401"), checked.toString());
        assertTrue(checked.get("repTools").asInt() > checked.get("viewerTools").asInt());

        UUID proposalId = UUID.fromString(checked.at("/proposal/id").asText());
        TenantId demo = application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
        Actor rep = Actor.user(demo, repUser, Role.REP);
        Proposal proposal = application.agent().proposals().get(rep, proposalId);
        assertEquals("pending", proposal.status().stored(), "a proposal waits; the wrong code changed nothing");
        String code = new ApprovalCodes(SecretsKey.load(application.settings().secrets(),
                application.settings().database().dataDir())).codeFor(rep, proposal);
        config.put("mode", "approve");
        config.put("proposal", Map.of("id", proposalId.toString(), "argumentsHash", proposal.argumentsHash(), "code", code));
        assertEquals("executed", run(config).get("approved").asText());

        List<String> audited = new ArrayList<>();
        for (JsonNode entry : admin.get("/api/audit?limit=200").json()) {
            if (entry.path("action").asText().equals("agent.tool")) audited.add(entry.at("/diff/tool").asText());
        }
        assertTrue(audited.containsAll(List.of("searchContacts", "getContact", "proposeSendEmail", "approveProposal")),
                audited.toString());
    }

    private static JsonNode run(Map<String, Object> config) throws IOException {
        Path file = Files.createDirectories(Path.of("target/mcp")).resolve("config.json").toAbsolutePath();
        Files.writeString(file, Json.mapper().writeValueAsString(config));
        NodeTools.Run run = NodeTools.run(NodeTools.node("mcp/check.mjs", file.toString()), Map.of(), Duration.ofMinutes(3));
        assertEquals(0, run.exitCode(), run.output());
        String last = run.output().lines().filter(line -> line.startsWith("{")).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(run.output()));
        return Json.mapper().readTree(last);
    }

    private static String key(String name, String role, UUID actsAs) {
        ApiClient.Response created = admin.post("/api/api-keys", """
                {"name": "%s", "role": "%s", "userId": "%s"}""".formatted(name, role, actsAs));
        assertEquals(201, created.status(), created.body());
        return created.json().get("secret").asText();
    }

    private static UUID userId(String email) {
        for (JsonNode user : admin.get("/api/users").json()) {
            if (user.get("email").asText().equals(email)) return UUID.fromString(user.get("id").asText());
        }
        throw new AssertionError("no user " + email);
    }
}
