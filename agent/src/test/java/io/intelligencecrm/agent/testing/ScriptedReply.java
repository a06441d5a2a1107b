package io.intelligencecrm.agent.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One answer a scripted model server gives to one request. The same reply renders as OpenAI or Anthropic wire
 * format, streamed or not, depending on the server and the request.
 */
public sealed interface ScriptedReply {

    /** A model answer: text, tool calls or both (text first), with the token usage to report. */
    record Answer(String text, List<ScriptedToolCall> toolCalls, int inputTokens, int outputTokens)
            implements ScriptedReply {
        public Answer {
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls);
        }

        public boolean callsTools() {
            return !toolCalls.isEmpty();
        }
    }

    /** An HTTP error; a null body means the provider's usual error body for that status. */
    record HttpError(int status, Optional<String> retryAfter, String body) implements ScriptedReply {
    }

    /** Waits before answering, to run into a client's timeout. */
    record Hang(Duration delay, ScriptedReply then) implements ScriptedReply {
    }

    /** Streams {@code partialText} as a normal answer would begin, then drops the connection. */
    record BrokenStream(String partialText) implements ScriptedReply {
    }

    static Answer text(String text) {
        return new Answer(text, List.of(), 12, Math.max(1, text.split("\\s+").length));
    }

    static Answer text(String text, int inputTokens, int outputTokens) {
        return new Answer(text, List.of(), inputTokens, outputTokens);
    }

    static Answer toolCalls(ScriptedToolCall... calls) {
        return new Answer("", List.of(calls), 20, 10 * calls.length);
    }

    static Answer toolCalls(int inputTokens, int outputTokens, ScriptedToolCall... calls) {
        return new Answer("", List.of(calls), inputTokens, outputTokens);
    }

    static HttpError error(int status) {
        return new HttpError(status, Optional.empty(), null);
    }

    static HttpError error(int status, String body) {
        return new HttpError(status, Optional.empty(), body);
    }

    static HttpError rateLimited(String retryAfter) {
        return new HttpError(429, Optional.of(retryAfter), null);
    }

    static Hang hang(Duration delay) {
        return new Hang(delay, text("too late"));
    }

    static BrokenStream brokenStream(String partialText) {
        return new BrokenStream(partialText);
    }
}
