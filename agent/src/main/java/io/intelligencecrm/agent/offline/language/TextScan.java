package io.intelligencecrm.agent.offline.language;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every typed value found in a message, with the records the tenant has that it names. Readings of
 * the same words may overlap ("in a month" is a day and a duration); each reader takes the kinds it
 * needs. What is left after the values a reader used ({@link #without}) is the user's free text.
 */
public final class TextScan {
    private final String text;
    private final List<Span> spans;

    private TextScan(String text, List<Span> spans) {
        this.text = text;
        this.spans = List.copyOf(spans);
    }

    /** Values only; records are added with {@link #withRecords}. */
    public static TextScan of(String text, LocalDate today, ZoneId zone) {
        List<Span> found = new ArrayList<>(WordScanner.scan(text));
        List<Span> contactInfo = found.stream().filter(span -> span.kind() == Span.Kind.EMAIL
                || span.kind() == Span.Kind.PHONE || span.kind() == Span.Kind.DOMAIN).toList();
        // Inside an address or a phone number there are no amounts, dates or stages.
        found.removeIf(span -> !contactInfo.contains(span) && contactInfo.stream().anyMatch(span::overlaps));
        for (Span span : new WhenScanner(today, zone).scan(text)) {
            if (contactInfo.stream().noneMatch(span::overlaps)) found.add(span);
        }
        List<Span> whens = found.stream().filter(span -> span.kind() == Span.Kind.WHEN).toList();
        // "3rd of December" is a date, not the third of a list.
        found.removeIf(span -> span.kind() == Span.Kind.ORDINAL && whens.stream().anyMatch(span::overlaps));
        for (Span span : MoneyScanner.scan(text)) {
            boolean inDate = whens.stream().anyMatch(span::overlaps);
            if (contactInfo.stream().noneMatch(span::overlaps) && !inDate) found.add(span);
        }
        // A stage word inside a date or amount phrase ("closed won" is fine, "lead" in "leads" is its own word).
        found.sort(Comparator.comparingInt(Span::start));
        return new TextScan(text, found);
    }

    /** Emails, phone numbers and domains only: what the bank's examples are masked by. */
    public static List<Span> contactInfo(String text) {
        return WordScanner.scan(text).stream().filter(span -> span.kind() == Span.Kind.EMAIL
                || span.kind() == Span.Kind.PHONE || span.kind() == Span.Kind.DOMAIN).toList();
    }

    public TextScan withRecords(List<Span> records) {
        List<Span> all = new ArrayList<>(spans);
        for (Span record : records) {
            // Words that are a day, an amount or a stage are those, unless they spell a whole name ("in March" is no Marco).
            boolean inValue = all.stream().anyMatch(span -> VALUES.contains(span.kind()) && span.start() <= record.start()
                    && record.end() <= span.end());
            if (!inValue || record.as(RecordMention.class).exact()) all.add(record);
        }
        all.sort(Comparator.comparingInt(Span::start));
        return new TextScan(text, all);
    }

    public String text() {
        return text;
    }

    public List<Span> all() {
        return spans;
    }

    public List<Span> of(Span.Kind kind) {
        return spans.stream().filter(span -> span.kind() == kind).toList();
    }

    public Optional<Span> first(Span.Kind kind) {
        return spans.stream().filter(span -> span.kind() == kind).findFirst();
    }

    public <T> Optional<T> firstValue(Span.Kind kind, Class<T> type) {
        return first(kind).map(span -> span.as(type));
    }

    public boolean has(Span.Kind kind) {
        return first(kind).isPresent();
    }

    /** The text with these spans cut out, spaces tidied. */
    public String without(List<Span> used) {
        return without(text, used);
    }

    public static String without(String text, List<Span> used) {
        StringBuilder rest = new StringBuilder(text);
        List<Span> sorted = new ArrayList<>(used);
        sorted.sort(Comparator.comparingInt(Span::start).reversed());
        int limit = Integer.MAX_VALUE;
        for (Span span : sorted) {
            int end = Math.min(span.end(), limit);
            if (end <= span.start()) continue;
            rest.replace(span.start(), end, " ");
            limit = span.start();
        }
        return rest.toString().replaceAll("\\s{2,}", " ").strip();
    }

    /** A sub-scan of one part of the message (a clause), offsets rebased. */
    public TextScan part(int from, int to) {
        List<Span> inside = new ArrayList<>();
        for (Span span : spans) {
            if (span.start() >= from && span.end() <= to) {
                inside.add(new Span(span.start() - from, span.end() - from, span.text(), span.kind(), span.value()));
            }
        }
        return new TextScan(text.substring(from, to), inside);
    }

    private static final Set<Span.Kind> VALUES = Set.of(Span.Kind.WHEN, Span.Kind.AMOUNT, Span.Kind.COMPARISON, Span.Kind.STAGE,
            Span.Kind.DAYS);

    public static final Set<Span.Kind> MASKED = Set.of(Span.Kind.EMAIL, Span.Kind.PHONE, Span.Kind.DOMAIN, Span.Kind.RECORD);
}
