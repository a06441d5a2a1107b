package io.intelligencecrm.agent.model;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.anthropic.internal.api.AnthropicStreamingException;
import io.intelligencecrm.core.config.AgentSettings;

import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What went wrong with a model provider, told as one sentence a CRM user can act on. The sentence is built from
 * configuration only, never from the error's text: provider bodies and stack traces can echo prompts or keys.
 */
public record ProviderFailure(Kind kind, String userMessage) {

    public enum Kind {
        UNREACHABLE(true), RATE_LIMITED(true), SERVER_ERROR(true),
        AUTHENTICATION(false), MODEL_NOT_FOUND(false), REJECTED(false), UNKNOWN(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether the same request may succeed if sent again a little later. */
        public boolean retryable() {
            return retryable;
        }
    }

    public static ProviderFailure of(Throwable error, AgentSettings settings) {
        Kind kind = kindOf(error);
        return new ProviderFailure(kind, sentence(kind, settings));
    }

    public static Kind kindOf(Throwable error) {
        return firstInChain(error, cause -> cause instanceof HttpException http
                ? Optional.of(kindOfStatus(http.statusCode())) : Optional.empty())
                .or(() -> firstInChain(error, ProviderFailure::kindOfType))
                .orElse(Kind.UNKNOWN);
    }

    public boolean retryable() {
        return kind.retryable();
    }

    static Kind kindOfStatus(int status) {
        if (status == 429) return Kind.RATE_LIMITED;
        if (status == 401 || status == 403) return Kind.AUTHENTICATION;
        if (status == 404) return Kind.MODEL_NOT_FOUND;
        if (status == 408) return Kind.UNREACHABLE;
        if (status >= 500) return Kind.SERVER_ERROR;
        if (status >= 400) return Kind.REJECTED;
        return Kind.UNKNOWN;
    }

    private static Optional<Kind> kindOfType(Throwable error) {
        return Optional.ofNullable(switch (error) {
            case RateLimitException ignored -> Kind.RATE_LIMITED;
            case AuthenticationException ignored -> Kind.AUTHENTICATION;
            case ModelNotFoundException ignored -> Kind.MODEL_NOT_FOUND;
            case InternalServerException ignored -> Kind.SERVER_ERROR;
            case InvalidRequestException ignored -> Kind.REJECTED;
            case AnthropicStreamingException anthropic -> kindOfAnthropicError(anthropic.type());
            case TimeoutException ignored -> Kind.UNREACHABLE;
            case UnresolvedModelServerException ignored -> Kind.UNREACHABLE;
            case UnresolvedAddressException ignored -> Kind.UNREACHABLE;
            // connection refused or reset, read timeouts, a stream cut off half way
            case IOException ignored -> Kind.UNREACHABLE;
            default -> null;
        });
    }

    /** Anthropic reports some failures as an {@code error} event inside a stream that began with 200 OK. */
    private static Kind kindOfAnthropicError(String type) {
        return switch (type == null ? "" : type) {
            case "rate_limit_error" -> Kind.RATE_LIMITED;
            case "overloaded_error", "api_error" -> Kind.SERVER_ERROR;
            case "authentication_error", "permission_error" -> Kind.AUTHENTICATION;
            case "not_found_error" -> Kind.MODEL_NOT_FOUND;
            case "invalid_request_error", "request_too_large" -> Kind.REJECTED;
            default -> Kind.UNKNOWN;
        };
    }

    private static Optional<Kind> firstInChain(Throwable error, Function<Throwable, Optional<Kind>> kindOf) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = error; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            Optional<Kind> kind = kindOf.apply(cause);
            if (kind.isPresent()) return kind;
        }
        return Optional.empty();
    }

    private static String sentence(Kind kind, AgentSettings settings) {
        String where = settings.provider().name().toLowerCase() + " at " + ModelProviders.displayedBaseUrl(settings);
        return switch (kind) {
            case UNREACHABLE -> "The AI model is not reachable right now (" + where
                    + "). Try again in a minute.";
            case RATE_LIMITED -> "The AI provider is rate limiting us; try again shortly.";
            case SERVER_ERROR -> "The AI model is having trouble answering right now (" + where
                    + "). Try again in a minute.";
            case AUTHENTICATION -> "The AI provider rejected the API key; ask an admin to check CRM_MODEL_API_KEY.";
            case MODEL_NOT_FOUND -> "The AI provider does not know the model '" + settings.modelName() + "' ("
                    + where + "); ask an admin to check CRM_MODEL_NAME and CRM_MODEL_BASE_URL.";
            case REJECTED -> "The AI provider refused this request. Try rephrasing it,"
                    + " or start a new conversation if it keeps happening.";
            case UNKNOWN -> "Something went wrong talking to the AI model. Try again, and tell"
                    + " an admin if it keeps happening.";
        };
    }
}
