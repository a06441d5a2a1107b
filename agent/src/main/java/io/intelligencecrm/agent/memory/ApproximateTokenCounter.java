package io.intelligencecrm.agent.memory;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;

/**
 * Sizes the memory window without a provider-specific tokenizer: about four characters a token,
 * plus a little per message. Deliberately generous, so the real count stays inside the window.
 */
public final class ApproximateTokenCounter implements TokenCountEstimator {
    private static final int PER_MESSAGE = 4;

    @Override
    public int estimateTokenCountInText(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        return PER_MESSAGE + switch (message) {
            case SystemMessage m -> estimateTokenCountInText(m.text());
            case UserMessage m -> m.hasSingleText() ? estimateTokenCountInText(m.singleText())
                    : estimateTokenCountInText(m.contents().toString());
            case AiMessage m -> estimateTokenCountInText(m.text()) + m.toolExecutionRequests().stream()
                    .mapToInt(r -> PER_MESSAGE + estimateTokenCountInText(r.name()) + estimateTokenCountInText(r.arguments()))
                    .sum();
            case ToolExecutionResultMessage m -> estimateTokenCountInText(m.text());
            default -> estimateTokenCountInText(ChatMessageSerializer.messageToJson(message));
        };
    }

    @Override
    public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
        int total = 0;
        for (ChatMessage message : messages) total += estimateTokenCountInMessage(message);
        return total;
    }
}
