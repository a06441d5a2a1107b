package io.intelligencecrm.agent.runtime;

import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.agent.chat.AgentEventSink;
import io.intelligencecrm.agent.memory.ConversationKey;
import io.intelligencecrm.tools.ToolCall;
import io.intelligencecrm.core.usage.ModelUsage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of one turn (one user message and everything the agent does for it), carried in the
 * invocation parameters next to the {@link ToolCall} binding: where events go, how many model calls
 * and tool calls it made, and which calls it already made (an identical repeat is refused).
 * Thread-safe: streaming callbacks and tool executions may run on different threads.
 */
public final class AgentTurn {
    private static final String KEY = "crm.turn";

    private final ToolCall call;
    private final ConversationKey conversation;
    private final Persona persona;
    private final AgentEventSink events;
    private final AtomicInteger modelCalls = new AtomicInteger();
    private final AtomicLong modelCallStarted = new AtomicLong();
    private final AtomicInteger toolCalls = new AtomicInteger();
    private final AtomicInteger inputTokens = new AtomicInteger();
    private final AtomicInteger outputTokens = new AtomicInteger();
    private final Set<String> callsMade = ConcurrentHashMap.newKeySet();
    private final List<ModelUsage> usages = new CopyOnWriteArrayList<>();

    private final String context;

    public AgentTurn(ToolCall call, ConversationKey conversation, Persona persona, AgentEventSink events) {
        this(call, conversation, persona, events, null);
    }

    /** @param context data the turn is about, shown to the model beside the user's message; null for none */
    public AgentTurn(ToolCall call, ConversationKey conversation, Persona persona, AgentEventSink events,
                     String context) {
        this.call = call;
        this.conversation = conversation;
        this.persona = persona;
        this.events = events;
        this.context = context;
    }

    public String context() {
        return context;
    }

    public InvocationParameters parameters() {
        InvocationParameters parameters = new InvocationParameters();
        call.bindTo(parameters);
        parameters.put(KEY, this);
        return parameters;
    }

    public static AgentTurn of(InvocationParameters parameters) {
        AgentTurn turn = parameters == null ? null : parameters.get(KEY);
        if (turn == null) throw new IllegalStateException("no agent turn bound to this invocation");
        return turn;
    }

    public static AgentTurn of(InvocationContext context) {
        return of(context == null ? null : context.invocationParameters());
    }

    public ToolCall call() {
        return call;
    }

    public ConversationKey conversation() {
        return conversation;
    }

    public Persona persona() {
        return persona;
    }

    public AgentEventSink events() {
        return events;
    }

    /** @return false when exactly this call (tool and arguments) was already made in this turn */
    boolean firstTimeFor(String signature) {
        return callsMade.add(signature);
    }

    int countModelCall() {
        modelCallStarted.set(System.nanoTime());
        return modelCalls.incrementAndGet();
    }

    /** How long the model call in flight took; empty when none is in flight. Ends the call. */
    Optional<Duration> endModelCall() {
        long started = modelCallStarted.getAndSet(0);
        return started == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - started));
    }

    public int modelCalls() {
        return modelCalls.get();
    }

    void countToolCall() {
        toolCalls.incrementAndGet();
    }

    public int toolCalls() {
        return toolCalls.get();
    }

    void recordModelCall(String provider, String model, int input, int output) {
        inputTokens.addAndGet(input);
        outputTokens.addAndGet(output);
        usages.add(new ModelUsage(conversation.userId(), conversation.conversationId(), provider, model, input, output));
    }

    /** Token usage of each model call so far, to be written to the ledger when the turn ends. */
    List<ModelUsage> usages() {
        return List.copyOf(usages);
    }

    public int inputTokens() {
        return inputTokens.get();
    }

    public int outputTokens() {
        return outputTokens.get();
    }
}
