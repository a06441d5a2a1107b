package io.intelligencecrm.agent.model;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.intelligencecrm.agent.testing.CollectingHandler;
import io.intelligencecrm.agent.testing.ScriptedAnthropicServer;
import io.intelligencecrm.agent.testing.ScriptedOpenAiServer;
import io.intelligencecrm.agent.testing.ScriptedReply;
import io.intelligencecrm.agent.testing.TestModelSettings;
import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.config.AgentSettings.Provider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryingStreamingChatModelTest {

    private final ScriptedOpenAiServer server = new ScriptedOpenAiServer();
    private final AgentSettings settings = TestModelSettings.pointingAt(Provider.OPENAI, server.baseUrl(), "sk-test");
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aRateLimitIsRetriedAfterTheProvidersRetryAfter() {
        server.enqueue(ScriptedReply.rateLimited("3"), ScriptedReply.text("Back again."));
        CollectingHandler handler = new CollectingHandler();

        retrying(settings).chat(List.of(UserMessage.from("hi")), handler);

        assertEquals("Back again.", handler.response().aiMessage().text());
        assertEquals(2, server.requestCount());
        assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
    }

    @Test
    void aRetryAfterBeyondTheCapIsCutToTenSeconds() {
        server.enqueue(ScriptedReply.rateLimited("3600"), ScriptedReply.text("ok"));
        CollectingHandler handler = new CollectingHandler();

        retrying(settings).chat(List.of(UserMessage.from("hi")), handler);

        assertEquals("ok", handler.response().aiMessage().text());
        assertEquals(List.of(Duration.ofSeconds(10)), sleeps);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingPausesThenReportedPlainly() {
        server.enqueue(ScriptedReply.error(500), ScriptedReply.error(502), ScriptedReply.error(503));
        CollectingHandler handler = new CollectingHandler();

        retrying(settings).chat(List.of(UserMessage.from("hi")), handler);
        Throwable error = handler.error();

        assertEquals(settings.maxRetries() + 1, server.requestCount());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), sleeps);
        ProviderFailure failure = ProviderFailure.of(error, settings);
        assertEquals(ProviderFailure.Kind.SERVER_ERROR, failure.kind());
        assertEquals("The AI model is having trouble answering right now (openai at " + server.baseUrl()
                + "). Try again in a minute.", failure.userMessage());
    }

    @Test
    void aRejectedKeyIsNotRetried() {
        server.enqueue(ScriptedReply.error(401), ScriptedReply.text("never sent"));
        CollectingHandler handler = new CollectingHandler();

        retrying(settings).chat(List.of(UserMessage.from("hi")), handler);
        ProviderFailure failure = ProviderFailure.of(handler.error(), settings);

        assertEquals(1, server.requestCount());
        assertTrue(sleeps.isEmpty());
        assertEquals("The AI provider rejected the API key; ask an admin to check CRM_MODEL_API_KEY.",
                failure.userMessage());
    }

    @Test
    void aBadRequestFailsAtOnce() {
        server.enqueue(ScriptedReply.error(400), ScriptedReply.text("never sent"));
        CollectingHandler handler = new CollectingHandler();

        retrying(settings).chat(List.of(UserMessage.from("hi")), handler);

        assertEquals(ProviderFailure.Kind.REJECTED, ProviderFailure.kindOf(handler.error()));
        assertEquals(1, server.requestCount());
    }

    @Test
    void aHangingServerRunsIntoTheTimeoutAndIsReportedUnreachable() {
        AgentSettings impatient = TestModelSettings.withMaxRetries(TestModelSettings.withTimeout(settings, 1), 0);
        server.enqueue(ScriptedReply.hang(Duration.ofSeconds(4)));
        CollectingHandler handler = new CollectingHandler();
        long started = System.nanoTime();

        retrying(impatient).chat(List.of(UserMessage.from("hi")), handler);
        ProviderFailure failure = ProviderFailure.of(handler.error(Duration.ofSeconds(3)), impatient);

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0);
        assertEquals("The AI model is not reachable right now (openai at " + server.baseUrl()
                + "). Try again in a minute.", failure.userMessage());
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AgentSettings nowhere = TestModelSettings.pointingAt(Provider.OPENAI, "http://127.0.0.1:" + closedPort + "/v1",
                "sk-test");
        CollectingHandler handler = new CollectingHandler();

        retrying(nowhere).chat(List.of(UserMessage.from("hi")), handler);
        ProviderFailure failure = ProviderFailure.of(handler.error(), nowhere);

        assertEquals(2, sleeps.size());
        assertEquals(ProviderFailure.Kind.UNREACHABLE, failure.kind());
        assertTrue(failure.userMessage().contains("http://127.0.0.1:" + closedPort + "/v1"));
    }

    @Test
    void aStreamThatBreaksAfterTokensWereShownIsNotRetried() {
        server.enqueue(ScriptedReply.brokenStream("Your pipeline holds"), ScriptedReply.text("a second answer"));
        CollectingHandler handler = new CollectingHandler();

        retrying(settings).chat(List.of(UserMessage.from("hi")), handler);
        // How the cut shows depends on when the JDK server drops the socket: an error, or an early end.
        Throwable error = handler.errorOrNull();

        assertEquals(List.of("Your ", "pipeline ", "holds"), handler.partials());
        assertEquals(1, server.requestCount());
        assertTrue(sleeps.isEmpty());
        if (error != null) assertFalse(ProviderFailure.of(error, settings).userMessage().contains("Exception"));
    }

    @Test
    void anOverloadedAnthropicIsRetried() {
        try (ScriptedAnthropicServer anthropic = new ScriptedAnthropicServer()) {
            anthropic.enqueue(ScriptedReply.error(529), ScriptedReply.text("Here you go."));
            AgentSettings claude = TestModelSettings.pointingAt(Provider.ANTHROPIC, anthropic.baseUrl(), "sk-ant");
            CollectingHandler handler = new CollectingHandler();

            retrying(claude).chat(List.of(UserMessage.from("hi")), handler);

            assertEquals("Here you go.", handler.response().aiMessage().text());
            assertEquals(2, anthropic.requestCount());
            assertEquals(List.of(Duration.ofMillis(250)), sleeps);
        }
    }

    @Test
    void anAnthropicRateLimitGivesTheRateLimitSentence() {
        try (ScriptedAnthropicServer anthropic = new ScriptedAnthropicServer()) {
            anthropic.enqueue(ScriptedReply.rateLimited("1"), ScriptedReply.rateLimited("1"),
                    ScriptedReply.rateLimited("1"));
            AgentSettings claude = TestModelSettings.pointingAt(Provider.ANTHROPIC, anthropic.baseUrl(), "sk-ant");
            CollectingHandler handler = new CollectingHandler();

            retrying(claude).chat(List.of(UserMessage.from("hi")), handler);

            assertEquals("The AI provider is rate limiting us; try again shortly.",
                    ProviderFailure.of(handler.error(), claude).userMessage());
            assertEquals(3, anthropic.requestCount());
        }
    }

    private StreamingChatModel retrying(AgentSettings agentSettings) {
        return new RetryingStreamingChatModel(ModelProviders.streaming(agentSettings),
                RetryPolicy.standard(agentSettings.maxRetries()).withSleeper(sleeps::add));
    }
}
