package io.intelligencecrm.agent.runtime;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.TokenWindowChatMemory;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceRequestIssuedListener;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import dev.langchain4j.service.AiServices;
import io.intelligencecrm.agent.chat.AgentEvent;
import io.intelligencecrm.agent.memory.ApproximateTokenCounter;
import io.intelligencecrm.agent.memory.ConversationKey;
import io.intelligencecrm.agent.memory.PostgresChatMemoryStore;
import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.core.usage.TokenLedger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LangChain4j side of a turn: one AiServices agent with the role's tools, the persisted token
 * window memory, the system prompt, the round-trip cap and token accounting. {@link #run} streams
 * the answer to the turn's event sink and returns when the turn is over.
 */
public final class AgentRuntime {
    private static final Logger log = LoggerFactory.getLogger(AgentRuntime.class);

    /** What the model provider is, for usage records and the chat's mode badge. */
    public record ModelIdentity(String provider, String model) {
    }

    /** How a turn ended: the answer, or a failure with a message fit for the user. */
    public record Outcome(String text, boolean failed, String failureCode) {
    }

    private final CrmAgent agent;
    private final ChatMemoryProvider memories;
    private final PostgresChatMemoryStore store;
    private final ModelIdentity identity;
    private final TokenLedger ledger;
    private final Function<Throwable, String> explainFailure;
    private final int maxRoundTrips;
    private final Duration turnTimeout;

    /** @param explainFailure says in a sentence, for the user, why the model failed (never internals) */
    public AgentRuntime(StreamingChatModel model, ModelIdentity identity, Function<Throwable, String> explainFailure,
                        RoleToolProvider tools, PostgresChatMemoryStore store, TokenLedger ledger, int memoryTokens,
                        int maxRoundTrips, Duration modelTimeout) {
        this.store = store;
        this.identity = identity;
        this.explainFailure = explainFailure;
        this.ledger = ledger;
        this.maxRoundTrips = maxRoundTrips;
        this.turnTimeout = modelTimeout.multipliedBy(maxRoundTrips + 2L);
        SystemPrompt prompt = new SystemPrompt();
        ApproximateTokenCounter counter = new ApproximateTokenCounter();
        this.memories = id -> TokenWindowChatMemory.builder().id(id).maxTokens(memoryTokens, counter)
                .chatMemoryStore(store).build();
        AiServiceRequestIssuedListener requests = event -> AgentTurn.of(event.invocationContext()).countModelCall();
        AiServiceResponseReceivedListener responses = event -> {
            AgentTurn turn = AgentTurn.of(event.invocationContext());
            TokenUsage usage = event.response().metadata() == null ? null : event.response().metadata().tokenUsage();
            int input = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            int output = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
            turn.recordModelCall(identity.provider(), identity.model(), input, output);
            turn.endModelCall().ifPresent(elapsed -> CrmMetrics.modelCall(identity.provider(), true, elapsed));
            CrmMetrics.modelTokens(identity.provider(), input, output);
        };
        AiServiceErrorListener errors = event -> modelCallFailed(AgentTurn.of(event.invocationContext()));
        this.agent = AiServices.builder(CrmAgent.class)
                .streamingChatModel(model)
                .chatMemoryProvider(memories)
                .toolProvider(tools)
                .systemMessageProviderWithContext(context -> prompt.render(AgentTurn.of(context)))
                .maxToolCallingRoundTrips(maxRoundTrips)
                .hallucinatedToolNameStrategy(request -> ToolExecutionResultMessage.from(request,
                        "There is no tool named '" + request.name() + "'. Use only the tools you were given."))
                .registerListeners(requests, responses, errors)
                .build();
    }

    public ModelIdentity identity() {
        return identity;
    }

    /** The memory of a conversation, for messages the chat answers without the model (approvals). */
    public ChatMemory memory(ConversationKey key) {
        return memories.get(key);
    }

    /**
     * Runs the turn. Its memory and token usage are written by {@link #persist}, which the caller runs
     * in a finally block, inside the transaction that stores the rest of the turn.
     */
    public Outcome run(AgentTurn turn, String message) {
        ConversationKey key = turn.conversation();
        store.beginTurn(key);
        Outcome outcome = stream(turn, message);
        if (outcome.failed()) memories.get(key).add(AiMessage.from(outcome.text()));
        return outcome;
    }

    /** Writes what the turn added to the conversation's memory, and the tokens its model calls used. */
    public void persist(AgentTurn turn) {
        store.endTurn(turn.conversation());
        ledger.record(turn.conversation().tenant(), turn.usages());
    }

    /** Runs the turn on LangChain4j's streaming path and waits for its end. */
    private Outcome stream(AgentTurn turn, String message) {
        ConversationKey key = turn.conversation();
        CompletableFuture<String> answer = new CompletableFuture<>();
        try {
            agent.chat(key, message, turn.parameters())
                    .onPartialResponse(text -> turn.events().accept(new AgentEvent.Token(text)))
                    .onCompleteResponse(response -> answer.complete(response.aiMessage().text()))
                    .onError(answer::completeExceptionally)
                    .start();
            return new Outcome(answer.get(turnTimeout.toMillis(), TimeUnit.MILLISECONDS), false, null);
        } catch (ExecutionException e) {
            return failure(turn, e.getCause());
        } catch (TimeoutException e) {
            modelCallFailed(turn);
            return new Outcome("The AI model took too long to answer, so I stopped waiting. " + whatWasKept(turn),
                    true, "timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome("The answer was interrupted. " + whatWasKept(turn), true, "interrupted");
        } catch (RuntimeException e) {
            return failure(turn, e);
        }
    }

    private Outcome failure(AgentTurn turn, Throwable cause) {
        if (turn.modelCalls() > maxRoundTrips) {
            return new Outcome("I stopped after " + maxRoundTrips + " rounds of tool calls for one message, which is my"
                    + " limit per turn. " + whatWasKept(turn) + " Tell me how to continue, or ask a narrower question.",
                    true, "tool-limit");
        }
        log.warn("Agent turn failed ({}): {}", identity.provider(), cause.toString());
        return new Outcome(explainFailure.apply(cause) + " " + whatWasKept(turn), true, "model-unavailable");
    }

    private void modelCallFailed(AgentTurn turn) {
        turn.endModelCall().ifPresent(elapsed -> CrmMetrics.modelCall(identity.provider(), false, elapsed));
    }

    /** Each tool call commits on its own, so a failed turn keeps what its tools did: say which is the case. */
    private static String whatWasKept(AgentTurn turn) {
        return turn.toolCalls() == 0 ? "Nothing was changed."
                : "The tool steps listed above were completed and kept; nothing else was changed.";
    }
}
