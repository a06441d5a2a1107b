package io.intelligencecrm.bots.slack;

/** The Slack Web API refused a call ({@code ok: false}) or could not be reached. */
public final class SlackApiException extends RuntimeException {
    private final String error;

    public SlackApiException(String method, String error) {
        super("Slack " + method + " failed: " + error);
        this.error = error;
    }

    /** Slack's error code ("invalid_auth", "channel_not_found", ...), or "unreachable". */
    public String error() {
        return error;
    }
}
