package io.intelligencecrm.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.embedding.Embedding;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.knowledge.embedding.Embedder;
import io.intelligencecrm.knowledge.embedding.EmbeddingModels;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible and Ollama embedding providers against a local server speaking OpenAI's embeddings API. */
class EmbeddingProvidersTest {
    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private volatile int dimension = 8;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
            requests.add(request);
            paths.add(exchange.getRequestURI().getPath());
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            List<Map<String, Object>> data = new ArrayList<>();
            JsonNode input = request.get("input");
            for (int i = 0; i < input.size(); i++) {
                float[] vector = new float[dimension];
                vector[i % dimension] = 1;
                data.add(Map.of("object", "embedding", "index", i, "embedding", vector));
            }
            byte[] body = Json.mapper().writeValueAsBytes(Map.of("object", "list", "data", data,
                    "model", request.get("model").asText(), "usage", Map.of("prompt_tokens", 3, "total_tokens", 3)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void an_openai_compatible_server_is_asked_for_the_configured_model_and_dimension() {
        Embedder embedder = EmbeddingModels.configured(Settings.from(Map.of(
                "CRM_EMBEDDING_PROVIDER", "openai",
                "CRM_EMBEDDING_API_KEY", "sk-test",
                "CRM_EMBEDDING_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "CRM_EMBEDDING_MODEL", "text-embedding-3-small",
                "CRM_EMBEDDING_DIMENSION", "8")).knowledge());

        List<Embedding> vectors = embedder.embedAll(List.of("budget cuts", "hiring freeze"));

        assertEquals(2, vectors.size());
        assertEquals(8, vectors.getFirst().dimension());
        assertEquals("/v1/embeddings", paths.getFirst());
        assertEquals("Bearer sk-test", keys.getFirst());
        JsonNode request = requests.getFirst();
        assertEquals("text-embedding-3-small", request.get("model").asText());
        assertEquals(8, request.get("dimensions").asInt());
        assertEquals("budget cuts", request.get("input").get(0).asText());
        assertEquals("text-embedding-3-small", embedder.space().model());
    }

    @Test
    void ollama_is_reached_through_its_openai_compatible_endpoint() {
        dimension = 768;
        Embedder embedder = EmbeddingModels.configured(Settings.from(Map.of(
                "CRM_EMBEDDING_PROVIDER", "ollama",
                "CRM_EMBEDDING_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort())).knowledge());

        assertEquals(768, embedder.embed("renewal").dimension());
        assertEquals("/v1/embeddings", paths.getFirst());
        assertEquals("nomic-embed-text", requests.getFirst().get("model").asText());
    }

    @Test
    void a_server_answering_with_another_dimension_is_refused_rather_than_mixed_in() {
        dimension = 16;
        Embedder embedder = EmbeddingModels.configured(Settings.from(Map.of(
                "CRM_EMBEDDING_PROVIDER", "openai",
                "CRM_EMBEDDING_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "CRM_EMBEDDING_DIMENSION", "8")).knowledge());

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> embedder.embed("x"));
        assertTrue(refused.getMessage().contains("returned 16 dimensions"), refused.getMessage());
        assertTrue(refused.getMessage().contains("CRM_EMBEDDING_DIMENSION"), refused.getMessage());
    }
}
