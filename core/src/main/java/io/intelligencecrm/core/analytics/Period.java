package io.intelligencecrm.core.analytics;

import io.intelligencecrm.core.error.CrmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of whole days as people say it ("last month", "next 30 days", "2026-01-01..2026-01-31"),
 * resolved against the user's calendar. Weeks start on Monday.
 *
 * @param toExclusive the first day after the period
 */
public record Period(LocalDate from, LocalDate toExclusive, String label) {
    public static final String ACCEPTED = "today, yesterday, tomorrow, this week, last week, next week, this month, "
            + "last month, next month, this quarter, last quarter, next quarter, this year, last year, "
            + "last/next N days, weeks or months, an ISO date (2026-11-24) or an ISO range with inclusive end "
            + "(2026-01-01..2026-01-31)";
    private static final Pattern RELATIVE = Pattern.compile("(last|next) (\\d{1,4}) (day|days|week|weeks|month|months)");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*\\.\\.\\s*(\\d{4}-\\d{2}-\\d{2})");
    private static final int MAX_DAYS = 3660;

    public Period {
        if (from == null || toExclusive == null || !from.isBefore(toExclusive)) {
            throw CrmException.invalid("period", "must start before it ends");
        }
        if (ChronoUnit.DAYS.between(from, toExclusive) > MAX_DAYS) {
            throw CrmException.invalid("period", "may span at most ten years");
        }
    }

    public static Period parse(String text, ZoneId zone, Clock clock) {
        if (text == null || text.isBlank()) throw invalid(text);
        String phrase = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        LocalDate firstOfQuarter = firstOfMonth.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        Period named = switch (phrase) {
            case "today" -> new Period(today, today.plusDays(1), "today");
            case "yesterday" -> new Period(today.minusDays(1), today, "yesterday");
            case "tomorrow" -> new Period(today.plusDays(1), today.plusDays(2), "tomorrow");
            case "this week" -> new Period(monday, monday.plusWeeks(1), "this week");
            case "last week" -> new Period(monday.minusWeeks(1), monday, "last week");
            case "next week" -> new Period(monday.plusWeeks(1), monday.plusWeeks(2), "next week");
            case "this month" -> new Period(firstOfMonth, firstOfMonth.plusMonths(1), "this month");
            case "last month" -> new Period(firstOfMonth.minusMonths(1), firstOfMonth, "last month");
            case "next month" -> new Period(firstOfMonth.plusMonths(1), firstOfMonth.plusMonths(2), "next month");
            case "this quarter" -> new Period(firstOfQuarter, firstOfQuarter.plusMonths(3), "this quarter");
            case "last quarter" -> new Period(firstOfQuarter.minusMonths(3), firstOfQuarter, "last quarter");
            case "next quarter" -> new Period(firstOfQuarter.plusMonths(3), firstOfQuarter.plusMonths(6), "next quarter");
            case "this year" -> new Period(today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1), "this year");
            case "last year" -> new Period(today.withDayOfYear(1).minusYears(1), today.withDayOfYear(1), "last year");
            default -> null;
        };
        if (named != null) return named;
        Matcher relative = RELATIVE.matcher(phrase);
        if (relative.matches()) return relative(relative, today, phrase);
        Matcher range = RANGE.matcher(phrase);
        if (range.matches()) {
            LocalDate from = date(range.group(1), text);
            LocalDate to = date(range.group(2), text);
            if (to.isBefore(from)) throw CrmException.invalid("period", "the range ends before it starts: " + text);
            return new Period(from, to.plusDays(1), from + " to " + to);
        }
        if (phrase.matches("\\d{4}-\\d{2}-\\d{2}")) {
            LocalDate day = date(phrase, text);
            return new Period(day, day.plusDays(1), day.toString());
        }
        throw invalid(text);
    }

    /** "last 7 days" ends with today; "next 30 days" starts with today; months are calendar months. */
    private static Period relative(Matcher matcher, LocalDate today, String phrase) {
        int count = Integer.parseInt(matcher.group(2));
        if (count < 1) throw CrmException.invalid("period", "the number of days, weeks or months must be at least 1");
        boolean last = matcher.group(1).equals("last");
        if (matcher.group(3).startsWith("month")) {
            return last ? new Period(today.plusDays(1).minusMonths(count), today.plusDays(1), phrase)
                    : new Period(today, today.plusMonths(count), phrase);
        }
        long days = matcher.group(3).startsWith("week") ? count * 7L : count;
        return last ? new Period(today.plusDays(1).minusDays(days), today.plusDays(1), phrase)
                : new Period(today, today.plusDays(days), phrase);
    }

    private static LocalDate date(String value, String text) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw CrmException.invalid("period", "not a real calendar date: " + text);
        }
    }

    private static CrmException invalid(String text) {
        return CrmException.invalid("period", "cannot understand '" + text + "'; use one of: " + ACCEPTED);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, toExclusive);
    }

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return toExclusive.atStartOfDay(zone).toInstant();
    }
}
