package io.intelligencecrm.agent.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.proposal.ProposalService;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * "approve" or "yes, send it" typed in the chat decides the conversation's pending proposal. This is
 * the user's own message, handled here before any model sees it: a model (or text planted in a
 * record) can never approve anything, because no tool exists that could.
 */
public final class ChatApprovals {
    private static final Pattern APPROVE = Pattern.compile("(?i)\\s*(?:(?:yes|ok|okay|sure|yep|yeah)[,!.]?\\s*)?"
            + "(?:please\\s+)?(?:approve[d]?(?: it| them| that| this| all)?|(?:send|do) (?:it|them|that|this)(?: now)?|go ahead"
            + "|confirm(?:ed)?)(?:,? please)?\\s*[.!]*\\s*");
    private static final Pattern REJECT = Pattern.compile("(?i)\\s*(?:no[,!.]?\\s*)?(?:please\\s+)?(?:reject(?:ed)?"
            + "(?: it| them| that| this)?|cancel(?: it| them| that| this)?|(?:don'?t|do not) (?:send|do) (?:it|them|that|this)"
            + "|discard (?:it|them|that|this))\\s*[.!]*\\s*");

    private final ProposalService proposals;

    public ChatApprovals(ProposalService proposals) {
        this.proposals = proposals;
    }

    /** Whether the message is one of the phrases that approve or reject a pending proposal. */
    public static boolean isDecision(String message) {
        return APPROVE.matcher(message).matches() || REJECT.matcher(message).matches();
    }

    /** @return the reply when the message decided a proposal (or needs to say which), empty otherwise */
    Optional<String> answer(Actor actor, UUID conversationId, String message, ChatMemory memory, AgentEventSink events) {
        boolean approve = APPROVE.matcher(message).matches();
        if (!approve && !REJECT.matcher(message).matches()) return Optional.empty();
        List<Proposal> pending = proposals.pending(actor, conversationId);
        if (pending.isEmpty()) return Optional.empty();
        String reply;
        if (pending.size() > 1) {
            reply = "More than one action is waiting for you. Use the Approve or Reject button on the one you mean:\n"
                    + pending.stream().map(p -> "- " + p.summary()).collect(Collectors.joining("\n"));
        } else {
            Proposal proposal = pending.getFirst();
            Proposal decided = approve ? proposals.approve(actor, proposal.id(), proposal.argumentsHash())
                    : proposals.reject(actor, proposal.id());
            events.accept(new AgentEvent.ProposalDecided(decided.id(), decided.status().stored(), decided.summary()));
            reply = describe(decided);
        }
        memory.add(UserMessage.from(message));
        memory.add(AiMessage.from(reply));
        return Optional.of(reply);
    }

    /**
     * A decision made with a button (web, Slack) or the API. The conversation's memory learns the
     * outcome, so the agent knows on the next message what was done and what was not.
     */
    public Proposal decide(Actor actor, UUID proposalId, boolean approve, String argumentsHash,
                           Function<UUID, ChatMemory> memoryOf) {
        Proposal decided = approve ? proposals.approve(actor, proposalId, argumentsHash)
                : proposals.reject(actor, proposalId);
        if (decided.conversationId() != null) {
            memoryOf.apply(decided.conversationId()).add(AiMessage.from("(The user " + (approve ? "approved" : "rejected")
                    + " a proposal with the button.) " + describe(decided)));
        }
        return decided;
    }

    static String describe(Proposal proposal) {
        return switch (proposal.status()) {
            case EXECUTED -> "Done: " + proposal.summary() + outcomeNote(proposal);
            case REJECTED -> "Cancelled: " + proposal.summary() + ". Nothing was done.";
            case FAILED -> "That could not be done: " + proposal.outcome().getOrDefault("error", "it was refused")
                    + ". Nothing was changed.";
            default -> proposal.summary() + " is " + proposal.status().stored() + ".";
        };
    }

    private static String outcomeNote(Proposal proposal) {
        Object message = proposal.outcome() == null ? null : proposal.outcome().get("result");
        return message == null ? "." : ". " + message;
    }
}
