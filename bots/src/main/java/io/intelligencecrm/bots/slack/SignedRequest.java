package io.intelligencecrm.bots.slack;

/** A request from Slack as received: the raw body and the two headers that sign it. */
public record SignedRequest(String body, String timestamp, String signature) {
}
