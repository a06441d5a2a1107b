package io.intelligencecrm.bots.slack;

/** What to answer Slack's request with; Slack only waits three seconds for it. */
public record SlackResponse(int status, String contentType, String body) {
    static final SlackResponse OK = new SlackResponse(200, "text/plain", "");
    /** Not signed by a connected workspace (or too old): refused, and nothing was done. */
    static final SlackResponse UNAUTHORIZED = new SlackResponse(401, "text/plain", "invalid signature");

    static SlackResponse json(String body) {
        return new SlackResponse(200, "application/json", body);
    }
}
