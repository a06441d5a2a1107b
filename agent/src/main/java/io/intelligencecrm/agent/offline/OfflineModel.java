package io.intelligencecrm.agent.offline;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline mode: a deterministic, rule-based planner that stands in for an LLM when no provider is
 * configured. It is not a language model and says so; it maps a documented set of plain-English
 * commands to the same tool calls an LLM would make and words its answers from the tool results.
 */
public final class OfflineModel implements ChatModel, StreamingChatModel {
    public static final String NAME = "offline-planner";
    private static final Pattern WORD = Pattern.compile("\\S+\\s*");

    private final OfflinePlanner planner = new OfflinePlanner();

    @Override
    public ChatResponse doChat(ChatRequest request) {
        AiMessage message = planner.next(request.messages(), request.toolSpecifications());
        return ChatResponse.builder().aiMessage(message).modelName(NAME)
                .finishReason(message.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .tokenUsage(new TokenUsage(0, 0)).build();
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        ChatResponse response;
        try {
            response = doChat(request);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        String text = response.aiMessage().text();
        if (text != null) {
            Matcher words = WORD.matcher(text);
            while (words.find()) handler.onPartialResponse(words.group());
        }
        handler.onCompleteResponse(response);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return ChatRequestParameters.builder().build();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return List.of();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }
}
