package io.intelligencecrm.agent.model;

import dev.langchain4j.exception.RateLimitException;
import io.intelligencecrm.agent.testing.TestModelSettings;
import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.config.AgentSettings.Provider;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProviderFailureTest {

    private final AgentSettings settings = TestModelSettings.pointingAt(Provider.OPENAI,
            "https://admin:hunter2@llm.internal/v1?key=sk-live-123", "sk-live-123");

    @Test
    void theSentenceNeverRepeatsTheProviderBodyOrTheKey() {
        var error = new RateLimitException(new ProviderHttpException(429,
                "{\"error\":\"quota for sk-live-123 exceeded\"}", Optional.empty()));

        ProviderFailure failure = ProviderFailure.of(error, settings);

        assertEquals(ProviderFailure.Kind.RATE_LIMITED, failure.kind());
        assertFalse(failure.userMessage().contains("sk-live"));
        assertFalse(failure.userMessage().contains("quota"));
    }

    @Test
    void aRefusedConnectionDeepInTheCauseChainIsUnreachable() {
        var error = new CompletionException(new ConnectException("Connection refused"));

        ProviderFailure failure = ProviderFailure.of(error, settings);

        assertEquals(ProviderFailure.Kind.UNREACHABLE, failure.kind());
        assertEquals("The AI model is not reachable right now (openai at https://llm.internal/v1)."
                + " Try again in a minute.", failure.userMessage());
    }

    @Test
    void statusCodesDecideTheKind() {
        assertEquals(ProviderFailure.Kind.AUTHENTICATION, kindOfStatus(403));
        assertEquals(ProviderFailure.Kind.MODEL_NOT_FOUND, kindOfStatus(404));
        assertEquals(ProviderFailure.Kind.REJECTED, kindOfStatus(422));
        assertEquals(ProviderFailure.Kind.SERVER_ERROR, kindOfStatus(529));
        assertEquals(ProviderFailure.Kind.UNREACHABLE, kindOfStatus(408));
    }

    @Test
    void anUnrecognisedFailureIsNotRetriedAndSaysLittle() {
        ProviderFailure failure = ProviderFailure.of(new IllegalStateException("secret details"), settings);

        assertEquals(ProviderFailure.Kind.UNKNOWN, failure.kind());
        assertFalse(failure.retryable());
        assertFalse(failure.userMessage().contains("secret"));
    }

    @Test
    void aWrappedIoFailureIsUnreachable() {
        var error = new UncheckedIOException(new java.io.EOFException("stream ended"));

        assertEquals(ProviderFailure.Kind.UNREACHABLE, ProviderFailure.kindOf(error));
    }

    private static ProviderFailure.Kind kindOfStatus(int status) {
        return ProviderFailure.kindOf(new ProviderHttpException(status, "body", Optional.empty()));
    }
}
