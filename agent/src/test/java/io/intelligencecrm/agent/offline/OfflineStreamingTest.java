package io.intelligencecrm.agent.offline;

import static io.intelligencecrm.agent.offline.OfflineConversations.onlyCall;
import static io.intelligencecrm.agent.offline.OfflineConversations.request;
import static io.intelligencecrm.agent.offline.OfflineConversations.specifications;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.intelligencecrm.tools.company.CompanyReadTools;
import io.intelligencecrm.tools.contact.ContactReadTools;
import io.intelligencecrm.tools.deal.DealReadTools;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The offline model streams like a real model: words of an answer, or a tool call without tokens. */
class OfflineStreamingTest {
    private static final List<ToolSpecification> ALL_TOOLS = specifications(ContactReadTools.class, CompanyReadTools.class, DealReadTools.class);

    private final OfflineModel model = new OfflineModel();

    @Test
    void streaming_emits_partial_tokens_that_concatenate_to_the_full_text() throws Exception {
        StreamedReply streamed = stream(request(ALL_TOOLS, UserMessage.from("tell me a joke")));
        assertTrue(streamed.partials().size() > 5, streamed.partials().toString());
        assertEquals(streamed.response().aiMessage().text(), String.join("", streamed.partials()));
    }

    @Test
    void streaming_a_tool_call_emits_no_tokens_and_completes_with_the_call() throws Exception {
        StreamedReply streamed = stream(request(ALL_TOOLS, UserMessage.from("find Acme")));
        assertEquals(List.of(), streamed.partials());
        assertTrue(List.of("searchContacts", "findCompanies").contains(onlyCall(streamed.response().aiMessage()).name()));
    }

    private record StreamedReply(List<String> partials, ChatResponse response) {
    }

    private StreamedReply stream(ChatRequest request) throws Exception {
        List<String> partials = new ArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                partials.add(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return new StreamedReply(partials, done.get(5, TimeUnit.SECONDS));
    }
}
