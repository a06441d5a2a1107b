package io.intelligencecrm.tools;

import io.intelligencecrm.core.proposal.Proposal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A side effect that was proposed, not done: the user sees a card with exactly these arguments and
 * approves or rejects it. The model is told plainly that nothing has happened yet.
 */
public record ProposalResult(UUID proposalId, String action, String summary, Map<String, Object> arguments,
                             String argumentsHash, Instant expiresAt, String status) {

    public static ProposalResult of(Proposal proposal) {
        return new ProposalResult(proposal.id(), proposal.action(), proposal.summary(), proposal.arguments(),
                proposal.argumentsHash(), proposal.expiresAt(),
                "PROPOSED, NOT DONE: waiting for the user to approve or reject it in the chat");
    }
}
