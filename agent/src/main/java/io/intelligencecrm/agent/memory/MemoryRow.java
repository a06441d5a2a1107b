package io.intelligencecrm.agent.memory;

import dev.langchain4j.data.message.ChatMessage;

/** A message of the model's memory window as stored: its row id, its role and its canonical JSON. */
record MemoryRow(long id, String role, String json, ChatMessage message) {
}
