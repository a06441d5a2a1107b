package io.intelligencecrm.bots.slack;

import java.util.List;
import java.util.Map;

/**
 * A message to post: {@code text} is the mrkdwn shown (and the notification fallback when blocks are
 * given); {@code threadTs} puts it in a thread.
 */
public record SlackMessage(String channel, String threadTs, String text, List<Map<String, Object>> blocks) {

    public static SlackMessage text(String channel, String threadTs, String text) {
        return new SlackMessage(channel, threadTs, text, List.of());
    }
}
