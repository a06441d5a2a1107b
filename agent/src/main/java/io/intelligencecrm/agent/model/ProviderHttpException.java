package io.intelligencecrm.agent.model;

import dev.langchain4j.exception.HttpException;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider's non-2xx answer. LangChain4j's own {@link HttpException} drops the response headers, and with them
 * the provider's {@code Retry-After} advice, which {@link RetryingStreamingChatModel} wants to honour.
 * The message holds the provider's raw body: log it, never show it to users.
 */
public final class ProviderHttpException extends HttpException {

    private final transient Optional<Duration> retryAfter;

    public ProviderHttpException(int statusCode, String body, Optional<Duration> retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
