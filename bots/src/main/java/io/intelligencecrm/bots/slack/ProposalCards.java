package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.tools.ProposalResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A proposal as a Block Kit message with Approve and Reject buttons. A button carries the proposal id
 * and the hash of the arguments shown, so an approval can only run what the person saw; once
 * decided, the card is replaced by its outcome and has no buttons left to press.
 */
public final class ProposalCards {
    public static final String APPROVE = "crm_proposal_approve";
    public static final String REJECT = "crm_proposal_reject";
    private static final int MAX_ARGUMENT_CHARS = 200;

    private ProposalCards() {
    }

    /** What a button's value names. */
    public record Choice(UUID proposalId, String argumentsHash) {

        /** Parses {@code <uuid>:<hash>}; anything else names no proposal. */
        public static Optional<Choice> parse(String value) {
            if (value == null) return Optional.empty();
            int colon = value.indexOf(':');
            if (colon < 0) return Optional.empty();
            try {
                return Optional.of(new Choice(UUID.fromString(value.substring(0, colon)), value.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public static SlackMessage pending(String channel, String threadTs, ProposalResult proposal) {
        String value = proposal.proposalId() + ":" + proposal.argumentsHash();
        String text = "*Approval needed:* " + SlackText.escape(proposal.summary());
        List<Map<String, Object>> blocks = List.of(
                section(text + arguments(proposal.arguments())),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                        "text", "Nothing has been done yet. Only you can approve it."))),
                Map.of("type", "actions", "block_id", "proposal", "elements", List.of(
                        button("Approve", APPROVE, "primary", value),
                        button("Reject", REJECT, "danger", value))));
        return new SlackMessage(channel, threadTs, text, blocks);
    }

    /** The card after its decision: the outcome and who decided, no buttons. */
    public static SlackMessage decided(String channel, Proposal proposal, String outcome, String slackUserId) {
        String verb = switch (proposal.status()) {
            case EXECUTED -> ":white_check_mark: Approved";
            case REJECTED -> ":x: Rejected";
            default -> ":warning: Approved, but it failed";
        };
        String text = verb + " by <@" + slackUserId + ">: " + SlackText.escape(outcome);
        return new SlackMessage(channel, null, text, List.of(section("*" + SlackText.escape(proposal.summary()) + "*"),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", text)))));
    }

    private static String arguments(Map<String, Object> arguments) {
        if (arguments == null || arguments.isEmpty()) return "";
        return "\n" + arguments.entrySet().stream()
                .map(e -> "• " + SlackText.escape(e.getKey()) + ": "
                        + SlackText.escape(clip(Objects.toString(e.getValue()))))
                .collect(Collectors.joining("\n"));
    }

    private static String clip(String value) {
        String flat = value.replace('\n', ' ');
        return flat.length() <= MAX_ARGUMENT_CHARS ? flat : flat.substring(0, MAX_ARGUMENT_CHARS - 1) + "…";
    }

    private static Map<String, Object> section(String mrkdwn) {
        return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", mrkdwn));
    }

    private static Map<String, Object> button(String label, String actionId, String style, String value) {
        return Map.of("type", "button", "text", Map.of("type", "plain_text", "text", label), "action_id", actionId,
                "style", style, "value", value);
    }
}
