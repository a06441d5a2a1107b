package io.intelligencecrm.knowledge.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.intelligencecrm.core.config.KnowledgeSettings;
import io.intelligencecrm.knowledge.store.VectorSpace;
import java.time.Duration;

/**
 * Builds the configured embedding model: in-process by default, OpenAI-compatible or Ollama by
 * choice. Ollama is reached through its OpenAI-compatible endpoint, as the agent's chat model is:
 * no langchain4j-ollama release matches our LangChain4j version.
 */
public final class EmbeddingModels {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private EmbeddingModels() {
    }

    public static Embedder configured(KnowledgeSettings settings) {
        return new Embedder(model(settings), new VectorSpace(settings.modelName(), settings.dimension()));
    }

    private static EmbeddingModel model(KnowledgeSettings settings) {
        return switch (settings.provider()) {
            case INPROCESS -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            case OPENAI -> {
                var builder = OpenAiEmbeddingModel.builder()
                        .apiKey(settings.apiKey().orElse("none"))
                        .modelName(settings.modelName())
                        .dimensions(settings.dimension())
                        .timeout(TIMEOUT)
                        .maxRetries(2);
                settings.baseUrl().ifPresent(builder::baseUrl);
                yield builder.build();
            }
            case OLLAMA -> OpenAiEmbeddingModel.builder()
                    .apiKey("ollama")
                    .baseUrl(settings.baseUrl().orElse("http://localhost:11434") + "/v1")
                    .modelName(settings.modelName())
                    .timeout(TIMEOUT)
                    .maxRetries(2)
                    .build();
        };
    }
}
