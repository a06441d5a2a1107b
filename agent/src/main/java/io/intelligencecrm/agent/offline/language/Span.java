package io.intelligencecrm.agent.offline.language;

/**
 * A piece of the user's text read as a typed value: an email, an amount, a date, a stage, a record
 * the tenant has. Offsets are into the text as the user typed it, so what is left once the values are
 * taken out (a note, a deal's name, a task's title) keeps the user's own words and casing.
 *
 * @param value the typed value; its class depends on the kind (see {@link Kind})
 */
public record Span(int start, int end, String text, Kind kind, Object value) {

    public enum Kind {
        /** a String, lower-cased */
        EMAIL,
        /** a String as typed */
        PHONE,
        /** a String, lower-cased: acme.com */
        DOMAIN,
        /** a {@link Money} */
        AMOUNT,
        /** a {@link Comparison}: over 100k, score above 90, between 10k and 50k */
        COMPARISON,
        /** a {@link When}: a day, maybe with a time, maybe also a period */
        WHEN,
        /** an Integer number of days: "in a month" after "not contacted", "for 2 weeks" */
        DAYS,
        /** a {@link Stage} */
        STAGE,
        /** a {@link Scope}: my, our, the team's */
        SCOPE,
        /** an Integer, 1-based; -1 for "the last one" */
        ORDINAL,
        /** a {@link RecordMention} */
        RECORD,
        /** a String: call, meeting, note, email, sms */
        INTERACTION_TYPE
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    public boolean overlaps(int from, int to) {
        return start < to && from < end;
    }

    public <T> T as(Class<T> type) {
        return type.cast(value);
    }
}
