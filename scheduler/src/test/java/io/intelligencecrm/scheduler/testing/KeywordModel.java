package io.intelligencecrm.scheduler.testing;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A scripted model: answers "yes" when the user message contains the keyword, otherwise "no" (as JSON when
 * the request asks for structured output, as a decision does). Keeps the prompts.
 */
public final class KeywordModel implements StreamingChatModel {
    private final String keyword;
    public final List<String> prompts = Collections.synchronizedList(new ArrayList<>());

    public KeywordModel(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        ChatMessage last = request.messages().getLast();
        String prompt = last instanceof UserMessage user ? user.singleText() : "";
        prompts.add(prompt);
        boolean yes = prompt.contains(keyword);
        String answer = request.responseFormat() != null
                ? "{\"branch\": \"" + (yes ? "yes" : "no") + "\", \"reason\": \"the keyword is "
                        + (yes ? "" : "not ") + "there\"}"
                : yes ? "Yes - a strong fit." : "No, this one is not a fit.";
        handler.onPartialResponse(answer);
        handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(answer)).modelName("keyword")
                .finishReason(FinishReason.STOP).tokenUsage(new TokenUsage(10, 5)).build());
    }
}
