package io.intelligencecrm.bots.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.bots.BackgroundTurns;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.text.NulCharacters;
import java.util.regex.Pattern;

/**
 * Slack's Events API: answers the URL-verification challenge, and for a mention of the bot or a
 * direct message acknowledges at once and runs the agent in the background. Each event id is
 * claimed in the database first, so Slack's retries (which reach any node) run nothing twice.
 */
public final class SlackEvents {
    static final String HELP = "Ask me about your CRM in plain words, for example _show my open deals_, _find Acme_"
            + " or _log a call with Jane Doe: discussed pricing_. To follow up, mention me again in the same thread"
            + " (in a direct message, just reply in the thread).";

    private final SlackGate gate;
    private final SlackEventLog eventLog;
    private final SlackTurns turns;
    private final SlackApi api;
    private final BackgroundTurns background;

    SlackEvents(SlackGate gate, SlackEventLog eventLog, SlackTurns turns, SlackApi api, BackgroundTurns background) {
        this.gate = gate;
        this.eventLog = eventLog;
        this.turns = turns;
        this.api = api;
        this.background = background;
    }

    public SlackResponse receive(SignedRequest request) {
        JsonNode envelope = SlackForms.json(request.body());
        String type = envelope.path("type").asText("");
        if (type.equals("url_verification")) {
            if (!gate.signedByAnyWorkspace(request)) return SlackResponse.UNAUTHORIZED;
            return SlackResponse.json(Json.mapper().createObjectNode()
                    .put("challenge", envelope.path("challenge").asText("")).toString());
        }
        var workspace = gate.verified(SlackForms.text(envelope, "team_id"), request);
        if (workspace.isEmpty()) return SlackResponse.UNAUTHORIZED;
        String eventId = SlackForms.text(envelope, "event_id");
        if (!type.equals("event_callback") || eventId == null) return SlackResponse.OK;
        if (!eventLog.claim(workspace.get().tenant(), eventId)) return SlackResponse.OK;
        JsonNode event = envelope.path("event");
        background.run("Slack event " + eventId + " of " + workspace.get().teamId(), () -> handle(workspace.get(), event));
        return SlackResponse.OK;
    }

    /** Mentions anywhere and direct messages to the bot; never the bot's own posts or edits. */
    private void handle(SlackWorkspace workspace, JsonNode event) {
        String type = event.path("type").asText("");
        boolean mention = type.equals("app_mention");
        boolean direct = type.equals("message") && "im".equals(SlackForms.text(event, "channel_type"))
                && event.path("subtype").isMissingNode();
        String user = SlackForms.text(event, "user");
        String channel = SlackForms.text(event, "channel");
        String ts = SlackForms.text(event, "ts");
        if (!mention && !direct || user == null || channel == null || ts == null) return;
        if (user.equals(workspace.botUserId()) || !event.path("bot_id").isMissingNode()) return;
        String thread = SlackForms.text(event, "thread_ts") != null ? SlackForms.text(event, "thread_ts") : ts;
        String text = SlackText.plain(mentionOf(workspace).matcher(NulCharacters.strip(event.path("text").asText("")))
                .replaceAll(" "));
        var actor = turns.actorOrExplain(workspace, user, channel, thread);
        if (actor.isEmpty()) return;
        if (text.isBlank()) {
            api.postMessage(workspace.botToken(), SlackMessage.text(channel, thread, HELP));
            return;
        }
        turns.answer(workspace, actor.get(), user, channel, thread, text);
    }

    private static Pattern mentionOf(SlackWorkspace workspace) {
        return Pattern.compile("<@" + Pattern.quote(workspace.botUserId()) + "(\\|[^>]*)?>");
    }
}
