package io.intelligencecrm.bots.slack;

import io.intelligencecrm.bots.BackgroundTurns;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code /crm …} slash command. The question is posted to the channel as the start of a thread
 * and answered in it, so replies in that thread continue the same conversation. An empty command
 * or {@code help} explains itself privately.
 */
public final class SlackCommands {

    /** Slack's answers when the bot may not post in the channel the command was typed in. */
    private static final Set<String> CANNOT_POST = Set.of("not_in_channel", "channel_not_found", "is_archived");
    private static final String NOT_A_MEMBER = "I can't post in this channel yet: invite me with `/invite <@%s>`,"
            + " or send me a direct message.";

    private final SlackGate gate;
    private final SlackTurns turns;
    private final SlackApi api;
    private final BackgroundTurns background;

    SlackCommands(SlackGate gate, SlackTurns turns, SlackApi api, BackgroundTurns background) {
        this.gate = gate;
        this.turns = turns;
        this.api = api;
        this.background = background;
    }

    public SlackResponse receive(SignedRequest request) {
        Map<String, String> form = SlackForms.fields(request.body());
        Optional<SlackWorkspace> workspace = gate.verified(form.get("team_id"), request);
        if (workspace.isEmpty()) return SlackResponse.UNAUTHORIZED;
        String text = SlackText.plain(form.getOrDefault("text", ""));
        String user = form.get("user_id");
        String channel = form.get("channel_id");
        if (text.isBlank() || text.equalsIgnoreCase("help") || user == null || channel == null) {
            return SlackResponse.json(Json.mapper().createObjectNode().put("response_type", "ephemeral")
                    .put("text", SlackEvents.HELP).toString());
        }
        background.run("Slack command in " + workspace.get().teamId(), () -> run(workspace.get(), user, channel,
                form.getOrDefault("command", "/crm"), text, form.get("response_url")));
        return SlackResponse.OK;
    }

    private void run(SlackWorkspace workspace, String user, String channel, String command, String text,
                     String responseUrl) {
        Optional<Actor> actor;
        String thread;
        try {
            actor = turns.actorOrExplain(workspace, user, channel, null);
            if (actor.isEmpty()) return;
            thread = api.postMessage(workspace.botToken(), SlackMessage.text(channel, null,
                    "<@" + user + "> asked: `" + SlackText.escape(command + " " + text).replace('`', '\'') + "`"));
        } catch (SlackApiException e) {
            if (!CANNOT_POST.contains(e.error())) throw e;
            api.respond(responseUrl, NOT_A_MEMBER.formatted(workspace.botUserId()));
            return;
        }
        turns.answer(workspace, actor.get(), user, channel, thread, text);
    }
}
