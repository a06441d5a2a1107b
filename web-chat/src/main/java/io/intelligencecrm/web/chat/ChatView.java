package io.intelligencecrm.web.chat;

import java.util.List;

/**
 * What the chat shows, one entry per line or card: rendered by the server for history (chat.jte)
 * and sent with live events as their {@code view} for the page's script, so both read the same.
 */
public sealed interface ChatView {

    /** A message: who said it (user, ai or error); {@code html} is sanitized markdown for the agent's words. */
    record Said(String who, String text, String html) implements ChatView {
    }

    /** A step the agent took, in words; {@code details} lists its arguments without ids. */
    record Tool(String summary, String details, boolean ok, long millis) implements ChatView {
    }

    /**
     * A proposed action as a preview of what approving does.
     *
     * @param fields   what will be written or sent (To, Subject, Body, New stage…)
     * @param records  the records it acts on, linked
     * @param editable argument names a person may reword before deciding (Edit makes a new proposal)
     */
    record Proposal(String id, String summary, String hash, String status, String statusText, List<Field> fields,
                    List<Link> records, long moreRecords, List<Field> editable) implements ChatView {
        public boolean pending() {
            return "pending".equals(status);
        }
    }

    /** @param name the argument's name when the field can be edited (Edit), else null */
    record Field(String label, String value, boolean multiline, String name) {
    }

    record Link(String text, String href) {
    }

    /** A table without its id columns; {@code links} holds each row's record page, or null. */
    record Table(String title, List<String> columns, List<List<String>> rows, List<String> links, String chartSvg,
                 long totalRows) implements ChatView {
    }
}
