package io.intelligencecrm.agent.chat;

import io.intelligencecrm.agent.memory.ConversationKey;
import io.intelligencecrm.agent.runtime.AgentRuntime;
import io.intelligencecrm.agent.runtime.AgentTurn;
import io.intelligencecrm.agent.runtime.Persona;
import io.intelligencecrm.core.conversation.Conversation;
import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.db.SessionLocks;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.text.NulCharacters;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.logging.LogContext;
import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.UnitOfWork;
import io.intelligencecrm.core.usage.TokenLedger;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.tools.ToolCall;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point every chat channel uses: checks the message, the conversation and the
 * day's token budget, answers approvals typed into the chat itself, runs the agent turn, and keeps
 * what the chat showed for the conversation's history. One turn at a time per conversation.
 */
public final class ChatService {
    private static final Logger log = LoggerFactory.getLogger(ChatService.class);
    public static final int MAX_MESSAGE_CHARS = 8000;

    private final AgentRuntime runtime;
    private final ConversationService conversations;
    private final ChatApprovals approvals;
    private final TokenLedger ledger;
    private final UserService users;
    private final TenantDirectory directory;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SessionLocks turnLocks;
    private final Map<TenantId, String> tenantNames = new ConcurrentHashMap<>();

    public ChatService(AgentRuntime runtime, ConversationService conversations, ChatApprovals approvals,
                       TokenLedger ledger, UserService users, TenantDirectory directory, UnitOfWork unitOfWork,
                       SessionLocks turnLocks, Clock clock) {
        this.turnLocks = turnLocks;
        this.runtime = runtime;
        this.conversations = conversations;
        this.approvals = approvals;
        this.ledger = ledger;
        this.users = users;
        this.directory = directory;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /**
     * Runs one turn and streams its events to the sink. Problems found before the turn starts (empty
     * or oversized message, unknown conversation, a turn already running in it) are thrown as
     * {@link CrmException}; a turn that starts always ends with a final or an error event (a spent
     * token budget is such an error).
     */
    public ChatReply send(Actor actor, ChatInput input, AgentEventSink sink) {
        try (var context = LogContext.actor(actor)) {
            return runTurn(actor, input, sink);
        }
    }

    private ChatReply runTurn(Actor actor, ChatInput input, AgentEventSink sink) {
        String message = checkedMessage(input.message());
        if (actor.userId() == null) throw CrmException.forbidden("The agent acts for a user; this API key has none");
        record Start(Conversation conversation, User user) {
        }
        Start start = unitOfWork.atomically(actor.tenant(), () -> new Start(input.conversationId() == null
                ? conversations.start(actor, input.channel() == null ? "api" : input.channel(), null)
                : conversations.get(actor, input.conversationId()), users.me(actor)));
        Conversation conversation = start.conversation();
        // One turn at a time per conversation on the whole cluster, whichever node each message reaches.
        long lockKey = turnLockKey(conversation.id());
        if (!turnLocks.tryLock(lockKey)) {
            throw new CrmException(ErrorCode.CONFLICT, "I'm still working on your last message in this conversation."
                    + " Send this one again once that answer has arrived.");
        }
        Ending ending;
        try (var context = LogContext.with(LogContext.CONVERSATION_ID, conversation.id().toString())) {
            try {
                ending = turn(actor, conversation, start.user(), message, input.context(), sink);
            } finally {
                turnLocks.unlock(lockKey);
            }
            ChatReply reply = ending.reply();
            String outcome = reply.failed() ? reply.failureCode() : "ok";
            CrmMetrics.agentTurn(input.channel(), outcome);
            // Counts only: the message and the answer are the user's data and stay out of the log.
            log.info("Agent turn over {} ended {}: {} tool calls, {} tokens in, {} out", input.channel(), outcome,
                    reply.toolCalls(), reply.inputTokens(), reply.outputTokens());
        }
        // Sent last: once a client sees the end of a turn, its next message is accepted.
        sink.accept(ending.event());
        return ending.reply();
    }

    /** A conversation's 128-bit id folded to the 64-bit key advisory locks take; a collision only delays a turn. */
    private static long turnLockKey(UUID conversationId) {
        return conversationId.getMostSignificantBits() ^ conversationId.getLeastSignificantBits();
    }

    /** How a turn ended, stored but not yet sent. */
    private record Ending(ChatReply reply, AgentEvent event) {
    }

    /** Approves or rejects a proposal from a button or the API, and tells the conversation's memory. */
    public Proposal decide(Actor actor, UUID proposalId, boolean approve, String argumentsHash) {
        return approvals.decide(actor, proposalId, approve, argumentsHash,
                conversationId -> runtime.memory(new ConversationKey(actor.tenant(), actor.userId(), conversationId)));
    }

    private Ending turn(Actor actor, Conversation conversation, User user, String message, String context,
                        AgentEventSink sink) {
        ConversationKey key = new ConversationKey(actor.tenant(), actor.userId(), conversation.id());
        RecordingSink events = new RecordingSink(sink);
        events.accept(new AgentEvent.Started(conversation.id(), ConversationService.titled(conversation, message),
                runtime.identity().provider()));
        AgentTurn turn = null;
        Ending ending = null;
        try {
            var decided = approvals.answer(actor, conversation.id(), message, runtime.memory(key), events);
            if (decided.isPresent()) {
                ending = ending(conversation, decided.get(), false, null, 0, 0, 0);
            } else {
                ledger.requireBudget(actor.tenant());
                ToolCall call = new ToolCall(actor.viaAgent(), conversation.id(), zone(user), clock);
                turn = new AgentTurn(call, key, new Persona(user.fullName().isBlank() ? user.email()
                        : user.fullName(), user.role().stored(), tenantName(actor.tenant())), events, context);
                AgentRuntime.Outcome outcome = runtime.run(turn, message);
                ending = ending(conversation, outcome.text(), outcome.failed(), outcome.failureCode(),
                        turn.toolCalls(), turn.inputTokens(), turn.outputTokens());
            }
        } catch (CrmException e) {
            ending = ending(conversation, e.getMessage(), true, e.code().slug(), 0, 0, 0);
        } finally {
            AgentTurn ran = turn;
            Ending last = ending;
            // The turn's memory, usage, shown events and title commit together, in one transaction.
            unitOfWork.atomically(actor.tenant(), () -> {
                if (ran != null) runtime.persist(ran);
                conversations.recordEvents(actor, conversation.id(),
                        events.withLast(last == null ? null : last.event()));
                conversations.titleFromFirstMessage(actor, conversation, message);
                return null;
            });
        }
        return ending;
    }

    private static Ending ending(Conversation conversation, String text, boolean failed, String code, int toolCalls,
                                 int inputTokens, int outputTokens) {
        AgentEvent event = failed ? new AgentEvent.Failed(conversation.id(), code, text)
                : new AgentEvent.Final(conversation.id(), text, toolCalls, inputTokens, outputTokens);
        return new Ending(new ChatReply(conversation.id(), text, failed, code, toolCalls, inputTokens, outputTokens),
                event);
    }

    private static String checkedMessage(String message) {
        if (message == null || message.isBlank()) throw CrmException.invalid("message", "must not be empty");
        NulCharacters.reject("message", message);
        if (message.length() > MAX_MESSAGE_CHARS) {
            throw CrmException.invalid("message", "at most " + MAX_MESSAGE_CHARS + " characters");
        }
        return message.strip();
    }

    private static ZoneId zone(User user) {
        try {
            return ZoneId.of(user.timezone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private String tenantName(TenantId tenant) {
        return tenantNames.computeIfAbsent(tenant, id -> directory.find(id).map(t -> t.name()).orElse("your company"));
    }

    /** Passes events on and keeps those worth replaying with the conversation (not the token stream). */
    private static final class RecordingSink implements AgentEventSink {
        private final AgentEventSink next;
        private final List<String> recorded = new ArrayList<>();

        RecordingSink(AgentEventSink next) {
            this.next = next;
        }

        @Override
        public void accept(AgentEvent event) {
            next.accept(event);
            if (event instanceof AgentEvent.Token || event instanceof AgentEvent.Started
                    || event instanceof AgentEvent.ToolStarted) {
                return;
            }
            String json = AgentEvent.stored(event);
            synchronized (recorded) {
                recorded.add(json);
            }
        }

        /** The recorded events, with the turn's ending (not sent yet; null if the turn broke) after them. */
        List<String> withLast(AgentEvent ending) {
            List<String> all;
            synchronized (recorded) {
                all = new ArrayList<>(recorded);
            }
            if (ending != null) all.add(AgentEvent.stored(ending));
            return all;
        }
    }
}
