package io.intelligencecrm.bots.slack;

import io.intelligencecrm.agent.chat.ChatInput;
import io.intelligencecrm.agent.chat.ChatReply;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.bots.TurnOutput;
import io.intelligencecrm.core.conversation.Conversation;
import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.TableResult;
import java.util.Optional;

/**
 * One message from Slack, answered by the agent as the linked CRM user: each Slack thread (per user)
 * is one conversation, so follow-ups keep their context. The answer, with any tables, lands in the
 * thread, followed by a card with buttons for each proposed action.
 */
public final class SlackTurns {
    private static final String NOT_LINKED = "Hi! Your Slack account is not linked to a user of this CRM, so I can't"
            + " do anything for you here. If you have a CRM account, sign in, open Settings → Slack and enter"
            + " the code *%s* within %d minutes (only you can see it). An admin can also link you.";

    private static final String FAILED = "Sorry, something went wrong on our side and nothing was answered."
            + " Please try again in a moment.";

    private final ChatService chat;
    private final ConversationService conversations;
    private final SlackIdentities identities;
    private final SlackLinkCodes codes;
    private final SlackApi api;

    public SlackTurns(ChatService chat, ConversationService conversations, SlackIdentities identities,
                      SlackLinkCodes codes, SlackApi api) {
        this.chat = chat;
        this.conversations = conversations;
        this.identities = identities;
        this.codes = codes;
        this.api = api;
    }

    /**
     * The CRM user of a Slack user. An unlinked one is told so privately, with a code to link their own
     * account in the CRM, and nothing else happens.
     */
    public Optional<Actor> actorOrExplain(SlackWorkspace workspace, String slackUserId, String channel,
                                          String threadTs) {
        Optional<Actor> actor = identities.actorFor(workspace, slackUserId);
        if (actor.isEmpty()) {
            String code = codes.issue(workspace.tenant(), slackUserId);
            api.postEphemeral(workspace.botToken(), slackUserId, SlackMessage.text(channel, threadTs,
                    NOT_LINKED.formatted(code, SlackLinkCodes.LIFETIME.toMinutes())));
        }
        return actor;
    }

    public void answer(SlackWorkspace workspace, Actor actor, String slackUserId, String channel, String threadTs,
                       String text) {
        String reference = String.join(":", workspace.teamId(), channel, threadTs, slackUserId);
        Conversation conversation = conversations.resume(actor, "slack", reference);
        TurnOutput collected = new TurnOutput();
        String answer;
        try {
            ChatReply reply = chat.send(actor, new ChatInput(conversation.id(), text, "slack"), collected);
            answer = reply.text();
        } catch (CrmException e) {
            // Refused before the turn started (still answering the last message, empty or too long).
            answer = e.getMessage();
        } catch (RuntimeException e) {
            api.postMessage(workspace.botToken(), SlackMessage.text(channel, threadTs, FAILED));
            throw e;
        }
        StringBuilder message = new StringBuilder();
        for (TableResult table : collected.tables()) message.append(SlackText.table(table)).append("\n\n");
        message.append(SlackText.mrkdwn(answer == null || answer.isBlank() ? "(no answer)" : answer));
        api.postMessage(workspace.botToken(), SlackMessage.text(channel, threadTs, message.toString()));
        for (ProposalResult proposal : collected.proposals()) {
            api.postMessage(workspace.botToken(), ProposalCards.pending(channel, threadTs, proposal));
        }
    }
}
