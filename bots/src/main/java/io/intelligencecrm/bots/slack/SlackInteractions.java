package io.intelligencecrm.bots.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.bots.BackgroundTurns;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.Proposal;
import java.util.Optional;

/**
 * Approve and Reject buttons. A click is the same audited decision as the web app's
 * ({@link ChatService#decide}): only the proposal's own user can make it, the row lock in
 * ProposalService runs it once however often the button is pressed, and the card is then replaced
 * by the outcome.
 */
public final class SlackInteractions {

    private final SlackGate gate;
    private final SlackTurns turns;
    private final ChatService chat;
    private final SlackApi api;
    private final BackgroundTurns background;

    SlackInteractions(SlackGate gate, SlackTurns turns, ChatService chat, SlackApi api, BackgroundTurns background) {
        this.gate = gate;
        this.turns = turns;
        this.chat = chat;
        this.api = api;
        this.background = background;
    }

    public SlackResponse receive(SignedRequest request) {
        JsonNode payload = SlackForms.json(SlackForms.fields(request.body()).get("payload"));
        Optional<SlackWorkspace> workspace = gate.verified(payload.path("team").path("id").asText(null), request);
        if (workspace.isEmpty()) return SlackResponse.UNAUTHORIZED;
        if (!"block_actions".equals(payload.path("type").asText())) return SlackResponse.OK;
        background.run("Slack button in " + workspace.get().teamId(), () -> decide(workspace.get(), payload));
        return SlackResponse.OK;
    }

    private void decide(SlackWorkspace workspace, JsonNode payload) {
        JsonNode action = payload.path("actions").path(0);
        String actionId = action.path("action_id").asText("");
        boolean approve = actionId.equals(ProposalCards.APPROVE);
        if (!approve && !actionId.equals(ProposalCards.REJECT)) return;
        Optional<ProposalCards.Choice> choice = ProposalCards.Choice.parse(SlackForms.text(action, "value"));
        String user = payload.path("user").path("id").asText(null);
        String channel = SlackForms.text(payload.path("container"), "channel_id");
        String messageTs = SlackForms.text(payload.path("container"), "message_ts");
        if (choice.isEmpty() || user == null || channel == null || messageTs == null) return;
        String thread = SlackForms.text(payload.path("message"), "thread_ts");
        Optional<Actor> actor = turns.actorOrExplain(workspace, user, channel, thread);
        if (actor.isEmpty()) return;
        try {
            Proposal decided = chat.decide(actor.get(), choice.get().proposalId(), approve,
                    approve ? choice.get().argumentsHash() : null);
            api.update(workspace.botToken(), messageTs,
                    ProposalCards.decided(channel, decided, outcome(decided), user));
        } catch (CrmException e) {
            String reason = e.code() == ErrorCode.NOT_FOUND
                    ? "Only the person this action was proposed for can approve or reject it." : e.getMessage();
            api.postEphemeral(workspace.botToken(), user, SlackMessage.text(channel, thread, SlackText.escape(reason)));
        }
    }

    private static String outcome(Proposal proposal) {
        return switch (proposal.status()) {
            case EXECUTED -> proposal.outcome() != null && proposal.outcome().get("result") != null
                    ? "done. " + proposal.outcome().get("result") : "done.";
            case REJECTED -> "nothing was done.";
            default -> "it could not be done: " + (proposal.outcome() == null ? "it was refused"
                    : proposal.outcome().getOrDefault("error", "it was refused")) + ". Nothing was changed.";
        };
    }
}
