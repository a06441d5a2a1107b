package io.intelligencecrm.core.config;

/**
 * Where the Slack Web API is. Tests point it at a local server speaking Slack's API; the bot token
 * and signing secret are per tenant, stored sealed in the database, not configured here.
 */
public record SlackSettings(String apiUrl) {

    static SlackSettings from(Env env) {
        String url = env.string("CRM_SLACK_API_URL", "https://slack.com/api");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            env.problem("CRM_SLACK_API_URL must be an http(s) URL, was '" + url + "'");
        }
        return new SlackSettings(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }
}
