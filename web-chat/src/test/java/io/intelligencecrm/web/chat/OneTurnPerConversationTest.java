package io.intelligencecrm.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class OneTurnPerConversationTest {

    @Test
    void a_message_reaching_another_node_mid_turn_is_told_to_wait_and_runs_once_the_turn_is_over() throws Exception {
        GatedModel model = new GatedModel();
        CrmApplication first = TestServer.start(Map.of(), model);
        CrmApplication second = TestServer.secondNode(first, Map.of());
        try {
            ApiClient onFirst = DemoLogins.as(first, Role.REP);
            ApiClient onSecond = new ApiClient(second.url(), onFirst.bearer());
            String conversation = onSecond.post("/api/chat", "{\"message\": \"hello\"}").json()
                    .path("conversationId").asText();
            String body = "{\"conversationId\": \"" + conversation + "\", \"message\": \"%s\"}";

            var running = CompletableFuture.supplyAsync(() -> onFirst.post("/api/chat", body.formatted("a long one")));
            assertTrue(model.entered.await(30, TimeUnit.SECONDS), "the first node's turn reached the model");
            ApiClient.Response refused = onSecond.post("/api/chat", body.formatted("and another"));
            assertEquals(409, refused.status());
            assertTrue(refused.body().contains("still working on your last message"), refused.body());

            model.release.countDown();
            assertEquals(200, running.get(30, TimeUnit.SECONDS).status());
            assertEquals(200, onSecond.post("/api/chat", body.formatted("and another")).status(),
                    "the lock is released when the turn ends");
        } finally {
            model.release.countDown();
            second.stop();
            first.stop();
        }
    }

    /** Holds its first turn open until released, as a slow provider would. */
    private static final class GatedModel implements StreamingChatModel {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Done.")).modelName("gated")
                    .finishReason(FinishReason.STOP).tokenUsage(new TokenUsage(10, 2)).build());
        }
    }
}
