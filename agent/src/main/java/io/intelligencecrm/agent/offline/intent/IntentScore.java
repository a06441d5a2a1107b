package io.intelligencecrm.agent.offline.intent;

/** How close a message is to an intent's examples: cosine similarity, 0-1 in practice. */
public record IntentScore(Intent intent, double score) {
}
