package io.intelligencecrm.agent.testing;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Collects what a streaming model hands out, so a test can wait for the end and look at the pieces. */
public final class CollectingHandler implements StreamingChatResponseHandler {

    private final List<String> partials = new CopyOnWriteArrayList<>();
    private final List<PartialToolCall> partialToolCalls = new CopyOnWriteArrayList<>();
    private final List<CompleteToolCall> completeToolCalls = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ChatResponse> outcome = new CompletableFuture<>();

    @Override
    public void onPartialResponse(String partialResponse) {
        partials.add(partialResponse);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
        partialToolCalls.add(partialToolCall);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
        completeToolCalls.add(completeToolCall);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        outcome.complete(completeResponse);
    }

    @Override
    public void onError(Throwable error) {
        outcome.completeExceptionally(error);
    }

    /** The complete response; fails the test if the model reported an error or went quiet. */
    public ChatResponse response() {
        try {
            return outcome.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the model reported an error: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("no response from the model", e);
        }
    }

    /** The error the model reported; fails the test if it answered instead. */
    public Throwable error() {
        return error(Duration.ofSeconds(20));
    }

    public Throwable error(Duration patience) {
        try {
            ChatResponse response = outcome.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected an error, got " + response.aiMessage());
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("no outcome from the model", e);
        }
    }

    /** The error the model reported, or null when it ended with a response instead. */
    public Throwable errorOrNull() {
        try {
            outcome.get(20, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("no outcome from the model", e);
        }
    }

    public List<String> partials() {
        return List.copyOf(partials);
    }

    public List<PartialToolCall> partialToolCalls() {
        return List.copyOf(partialToolCalls);
    }

    public List<CompleteToolCall> completeToolCalls() {
        return List.copyOf(completeToolCalls);
    }
}
