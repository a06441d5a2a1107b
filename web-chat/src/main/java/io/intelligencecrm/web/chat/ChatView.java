package io.intelligencecrm.web.chat;

import java.util.List;
import java.util.Map;

/** What the chat shows, one entry per line or card, for the server-rendered history. */
public sealed interface ChatView {

    /** A message: who said it (user, ai or error); {@code html} is sanitized markdown for the agent's words. */
    record Said(String who, String text, String html) implements ChatView {
    }

    record Tool(String tool, String summary, boolean ok, long millis) implements ChatView {
    }

    record Proposal(String id, String action, String summary, Map<String, String> arguments, String hash,
                    String status) implements ChatView {
        public boolean pending() {
            return "pending".equals(status);
        }
    }

    record Table(String title, List<String> columns, List<List<String>> rows, String chartSvg, long totalRows)
            implements ChatView {
    }
}
