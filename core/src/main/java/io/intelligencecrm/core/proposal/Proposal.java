package io.intelligencecrm.core.proposal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A side effect the agent asked a person to approve: exactly these arguments, for this action.
 *
 * @param argumentsHash SHA-256 of the canonical JSON of {@code arguments}; an approval must quote it
 * @param outcome       what execution returned or why it failed, once decided
 */
public record Proposal(UUID id, UUID userId, UUID conversationId, String action, Map<String, Object> arguments,
                       String argumentsHash, String summary, ProposalStatus status, Map<String, Object> outcome,
                       Instant expiresAt, Instant createdAt, Instant decidedAt) {
}
