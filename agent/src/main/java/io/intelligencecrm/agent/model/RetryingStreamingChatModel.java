package io.intelligencecrm.agent.model;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Retries a streaming call that failed before the user saw anything of it, when the failure is the passing kind
 * (rate limit, 5xx, connection trouble, timeout). Once a token or tool call reached the handler it never retries:
 * a second answer would be glued onto half of the first. Retries run on the provider's callback thread.
 */
public final class RetryingStreamingChatModel implements StreamingChatModel {

    private static final Logger log = LoggerFactory.getLogger(RetryingStreamingChatModel.class);

    private final StreamingChatModel delegate;
    private final RetryPolicy policy;

    public RetryingStreamingChatModel(StreamingChatModel delegate, RetryPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
        attempt(guarded -> delegate.chat(request, options, guarded), handler, 0);
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        attempt(guarded -> delegate.doChat(request, guarded), handler, 0);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    private void attempt(Consumer<StreamingChatResponseHandler> call, StreamingChatResponseHandler handler,
                         int retriesSoFar) {
        Attempt attempt = new Attempt(call, handler, retriesSoFar);
        try {
            call.accept(attempt);
        } catch (RuntimeException thrownBeforeStreaming) {
            attempt.onError(thrownBeforeStreaming);
        }
    }

    /** Forwards one call's events and decides, on failure, whether another call may follow. */
    private final class Attempt implements StreamingChatResponseHandler {

        private final Consumer<StreamingChatResponseHandler> call;
        private final StreamingChatResponseHandler handler;
        private final int retriesSoFar;
        private volatile boolean delivered;

        Attempt(Consumer<StreamingChatResponseHandler> call, StreamingChatResponseHandler handler, int retriesSoFar) {
            this.call = call;
            this.handler = handler;
            this.retriesSoFar = retriesSoFar;
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            delivered = true;
            handler.onPartialResponse(partialResponse);
        }

        @Override
        public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
            delivered = true;
            handler.onPartialResponse(partialResponse, context);
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking) {
            delivered = true;
            handler.onPartialThinking(partialThinking);
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
            delivered = true;
            handler.onPartialThinking(partialThinking, context);
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall) {
            delivered = true;
            handler.onPartialToolCall(partialToolCall);
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
            delivered = true;
            handler.onPartialToolCall(partialToolCall, context);
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            delivered = true;
            handler.onCompleteToolCall(completeToolCall);
        }

        @Override
        public void onUnmappedRawEvent(Object rawEvent) {
            handler.onUnmappedRawEvent(rawEvent);
        }

        /**
         * A stream cut off half way ends like a finished one on some providers' clients, but without a finish
         * reason: report it as the connection failure it is, not as a (truncated or empty) answer.
         */
        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            if (completeResponse.finishReason() == null) {
                onError(new EOFException("the model's stream ended before the model finished its answer"));
                return;
            }
            handler.onCompleteResponse(completeResponse);
        }

        @Override
        public void onError(Throwable error) {
            ProviderFailure.Kind kind = ProviderFailure.kindOf(error);
            if (delivered || !kind.retryable() || retriesSoFar >= policy.maxRetries()) {
                handler.onError(error);
                return;
            }
            int retry = retriesSoFar + 1;
            Duration delay = policy.delayBefore(retry, retryAfter(error));
            log.warn("model call failed ({}), retry {} of {} in {} ms", kind, retry, policy.maxRetries(),
                    delay.toMillis());
            try {
                policy.sleeper().sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handler.onError(error);
                return;
            }
            attempt(call, handler, retry);
        }
    }

    private static Optional<Duration> retryAfter(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProviderHttpException http) return http.retryAfter();
        }
        return Optional.empty();
    }
}
