package io.intelligencecrm.core.match;

/**
 * A piece of a message that might name a record: its text as typed, where it is (character
 * offsets, end exclusive) and what kind of token it is.
 */
public record Span(String text, int start, int end, Kind kind) {
    public enum Kind { WORDS, EMAIL, DOMAIN }

    /** The form compared with stored names and addresses. */
    public String normalised() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
