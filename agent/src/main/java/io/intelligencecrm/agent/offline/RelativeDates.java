package io.intelligencecrm.agent.offline;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Close dates as people say them, resolved to ISO dates: the tools take ISO dates and period words,
 * but a period word means its first day, which is wrong for "end of month" or "next Monday".
 */
final class RelativeDates {
    private static final Pattern TODAY_LINE = Pattern.compile("Today is \\w+, (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern IN = Pattern.compile("in (\\d{1,3}|a|an|one|two|three|four) (day|week|month)s?");
    private static final Pattern END = Pattern.compile("(?:the )?end of (?:the |this )?(next )?(month|quarter|year)");
    private static final Pattern WEEKDAY = Pattern.compile(
            "(next|this|on)? ?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)");

    private RelativeDates() {
    }

    /** The conversation's today, from the system prompt's "Today is ..." line; UTC's today without one. */
    static LocalDate today(List<ChatMessage> messages) {
        for (ChatMessage message : messages) {
            if (message instanceof SystemMessage system) {
                Matcher line = TODAY_LINE.matcher(system.text());
                if (line.find()) return LocalDate.parse(line.group(1));
            }
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The ISO date the words mean, or the words themselves when they are not a phrase known here. */
    static String resolve(String words, LocalDate today) {
        String phrase = words.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").replaceAll("\\s+", " ");
        if (phrase.equals("today")) return today.toString();
        if (phrase.equals("tomorrow")) return today.plusDays(1).toString();
        Matcher end = END.matcher(phrase);
        if (end.matches()) {
            LocalDate base = end.group(1) == null ? today : switch (end.group(2)) {
                case "month" -> today.plusMonths(1);
                case "quarter" -> today.plusMonths(3);
                default -> today.plusYears(1);
            };
            LocalDate last = switch (end.group(2)) {
                case "month" -> base.with(TemporalAdjusters.lastDayOfMonth());
                case "quarter" -> base.withMonth((base.getMonthValue() - 1) / 3 * 3 + 3)
                        .with(TemporalAdjusters.lastDayOfMonth());
                default -> base.with(TemporalAdjusters.lastDayOfYear());
            };
            return last.toString();
        }
        Matcher in = IN.matcher(phrase);
        if (in.matches()) {
            int count = switch (in.group(1)) {
                case "a", "an", "one" -> 1;
                case "two" -> 2;
                case "three" -> 3;
                case "four" -> 4;
                default -> Integer.parseInt(in.group(1));
            };
            LocalDate later = switch (in.group(2)) {
                case "day" -> today.plusDays(count);
                case "week" -> today.plusWeeks(count);
                default -> today.plusMonths(count);
            };
            return later.toString();
        }
        Matcher weekday = WEEKDAY.matcher(phrase);
        if (weekday.matches()) {
            // "next Monday" and "Monday" alike mean the first one after today.
            DayOfWeek day = DayOfWeek.valueOf(weekday.group(2).toUpperCase(Locale.ROOT));
            return today.with(TemporalAdjusters.next(day)).toString();
        }
        return words.strip();
    }
}
