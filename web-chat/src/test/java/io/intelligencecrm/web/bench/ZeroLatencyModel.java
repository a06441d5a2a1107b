package io.intelligencecrm.web.bench;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model that answers instantly: for a user message it calls two tools at once (a contact search
 * and the pipeline), and once their results are in it streams a short answer. What a turn costs
 * beyond this is the agent's own overhead. Records the time spent inside it, to subtract.
 */
final class ZeroLatencyModel implements StreamingChatModel {
    private static final List<String> ANSWER = List.of("Garcia ", "is ", "in ", "the ", "list; ", "the ",
            "pipeline ", "is ", "above.");
    private final AtomicLong nanosInside = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        long started = System.nanoTime();
        calls.incrementAndGet();
        ChatMessage last = request.messages().getLast();
        AiMessage message;
        if (last instanceof UserMessage) {
            message = AiMessage.from(List.of(
                    ToolExecutionRequest.builder().id("c" + calls.get() + "a").name("searchContacts")
                            .arguments("{\"query\": \"Garcia\"}").build(),
                    ToolExecutionRequest.builder().id("c" + calls.get() + "b").name("pipelineByStage")
                            .arguments("{}").build()));
        } else {
            message = AiMessage.from(String.join("", ANSWER));
        }
        ChatResponse response = ChatResponse.builder().aiMessage(message).modelName("zero-latency")
                .finishReason(message.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .tokenUsage(new TokenUsage(100, 20)).build();
        nanosInside.addAndGet(System.nanoTime() - started);
        if (!message.hasToolExecutionRequests()) ANSWER.forEach(handler::onPartialResponse);
        handler.onCompleteResponse(response);
    }

    long nanosInside() {
        return nanosInside.get();
    }
}
