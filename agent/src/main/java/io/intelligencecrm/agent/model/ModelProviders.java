package io.intelligencecrm.agent.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.config.AgentSettings.Provider;

import java.net.URI;
import java.time.Duration;

/**
 * Builds the LangChain4j chat model a configured provider needs. Ollama is reached through its OpenAI-compatible
 * endpoint because no {@code langchain4j-ollama} matches our LangChain4j version. The offline provider is built
 * elsewhere: it is not a network model. Streaming models do not retry; wrap them in
 * {@link RetryingStreamingChatModel}.
 */
public final class ModelProviders {

    static final String OPENAI_URL = "https://api.openai.com/v1";
    static final String ANTHROPIC_URL = "https://api.anthropic.com/v1";
    static final String OLLAMA_URL = "http://localhost:11434/v1";
    /** Anthropic's client insists on a key; servers reached through a base URL often need none. */
    private static final String NO_KEY = "not-needed";

    private ModelProviders() {
    }

    public static StreamingChatModel streaming(AgentSettings settings) {
        return switch (networked(settings)) {
            case OPENAI, OLLAMA -> OpenAiStreamingChatModel.builder()
                    .httpClientBuilder(new ProviderHttpClientBuilder())
                    .baseUrl(baseUrl(settings))
                    .apiKey(settings.apiKey().orElse(null))
                    .modelName(settings.modelName())
                    .temperature(settings.temperature())
                    .timeout(timeout(settings))
                    .build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .httpClientBuilder(new ProviderHttpClientBuilder())
                    .baseUrl(baseUrl(settings))
                    .apiKey(settings.apiKey().orElse(NO_KEY))
                    .modelName(settings.modelName())
                    .temperature(settings.temperature())
                    .timeout(timeout(settings))
                    .build();
            case OFFLINE -> throw new AssertionError("refused by networked()");
        };
    }

    public static ChatModel blocking(AgentSettings settings) {
        return switch (networked(settings)) {
            case OPENAI, OLLAMA -> OpenAiChatModel.builder()
                    .httpClientBuilder(new ProviderHttpClientBuilder())
                    .baseUrl(baseUrl(settings))
                    .apiKey(settings.apiKey().orElse(null))
                    .modelName(settings.modelName())
                    .temperature(settings.temperature())
                    .timeout(timeout(settings))
                    .maxRetries(settings.maxRetries())
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(new ProviderHttpClientBuilder())
                    .baseUrl(baseUrl(settings))
                    .apiKey(settings.apiKey().orElse(NO_KEY))
                    .modelName(settings.modelName())
                    .temperature(settings.temperature())
                    .timeout(timeout(settings))
                    .maxRetries(settings.maxRetries())
                    .build();
            case OFFLINE -> throw new AssertionError("refused by networked()");
        };
    }

    /**
     * The address requests go to. Anthropic and Ollama bases may be given as the bare server address; their API
     * lives under {@code /v1}, so it is added when missing. OpenAI-compatible gateways use odd paths: taken as is.
     */
    public static String baseUrl(AgentSettings settings) {
        return switch (settings.provider()) {
            case OPENAI -> settings.baseUrl().map(ModelProviders::withoutTrailingSlash).orElse(OPENAI_URL);
            case ANTHROPIC -> settings.baseUrl().map(ModelProviders::underV1).orElse(ANTHROPIC_URL);
            case OLLAMA -> settings.baseUrl().map(ModelProviders::underV1).orElse(OLLAMA_URL);
            case OFFLINE -> "offline";
        };
    }

    /** The base URL without credentials or query parameters some gateways carry, fit to show to a user. */
    public static String displayedBaseUrl(AgentSettings settings) {
        String url = baseUrl(settings);
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) return url;
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return uri.getScheme() + "://" + uri.getHost() + port + path;
        } catch (IllegalArgumentException unparseable) {
            return "the configured base URL";
        }
    }

    private static Provider networked(AgentSettings settings) {
        if (settings.provider() == Provider.OFFLINE) {
            throw new IllegalArgumentException("the offline provider has no network model; build the offline model");
        }
        return settings.provider();
    }

    private static Duration timeout(AgentSettings settings) {
        return Duration.ofSeconds(settings.timeoutSeconds());
    }

    private static String underV1(String url) {
        String trimmed = withoutTrailingSlash(url);
        return trimmed.endsWith("/v1") ? trimmed : trimmed + "/v1";
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
