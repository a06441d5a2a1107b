package io.intelligencecrm.mcp.stdio;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intelligencecrm.mcp.ToolsCheckTheirArguments;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./crm mcp}: the CRM's MCP server for desktop clients that start a local process (stdio). It
 * speaks to the running CRM's {@code /mcp} endpoint with the user's API key, so everything (identity,
 * role, tools, approvals, audit) is decided there, exactly as for clients that connect over HTTP; both
 * sides are the official MCP SDK. Configured by {@code CRM_URL} (default http://localhost:7070) and
 * {@code CRM_API_KEY}.
 */
public final class StdioBridge {
    private StdioBridge() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before any logger exists: standard output is the protocol's.
        System.setProperty("logback.configurationFile", "logback-stdio.xml");
        String url = System.getenv().getOrDefault("CRM_URL", "http://localhost:7070");
        String key = System.getenv("CRM_API_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("crm mcp: set CRM_API_KEY to your API key (Settings > API keys in the CRM).");
            System.exit(2);
        }
        McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        McpSyncClient crm = McpClient.sync(HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp").jsonMapper(json)
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key.strip()))
                        .openConnectionOnStartup(false).build())
                .clientInfo(new McpSchema.Implementation("intelligence-crm-stdio", "0.1.0"))
                .jsonSchemaValidator(new ToolsCheckTheirArguments())
                .requestTimeout(Duration.ofMinutes(2)).build();
        McpSchema.InitializeResult remote;
        try {
            remote = crm.initialize();
        } catch (RuntimeException e) {
            System.err.println("crm mcp: could not connect to " + url + "/mcp (" + e.getMessage() + "). Is the CRM "
                    + "running (./crm run), and is CRM_API_KEY a valid, unrevoked key?");
            System.exit(3);
            return;
        }
        McpServer.sync(new StdioServerTransportProvider(json)).jsonMapper(json)
                .jsonSchemaValidator(new ToolsCheckTheirArguments()).serverInfo(remote.serverInfo())
                .instructions(remote.instructions()).capabilities(remote.capabilities())
                .tools(tools(crm)).resourceTemplates(templates(crm)).prompts(prompts(crm))
                .build();
        // The transport reads standard input on its own threads; the client ends this process when it is done.
        new CountDownLatch(1).await();
    }

    private static List<McpServerFeatures.SyncToolSpecification> tools(McpSyncClient crm) {
        List<McpServerFeatures.SyncToolSpecification> tools = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = crm.listTools(cursor);
            for (McpSchema.Tool tool : page.tools()) {
                tools.add(new McpServerFeatures.SyncToolSpecification(tool, (exchange, request) -> crm.callTool(request)));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return tools;
    }

    private static List<McpServerFeatures.SyncResourceTemplateSpecification> templates(McpSyncClient crm) {
        return crm.listResourceTemplates().resourceTemplates().stream()
                .map(template -> new McpServerFeatures.SyncResourceTemplateSpecification(template,
                        (exchange, request) -> crm.readResource(request))).toList();
    }

    private static List<McpServerFeatures.SyncPromptSpecification> prompts(McpSyncClient crm) {
        return crm.listPrompts().prompts().stream()
                .map(prompt -> new McpServerFeatures.SyncPromptSpecification(prompt,
                        (exchange, request) -> crm.getPrompt(request))).toList();
    }
}
