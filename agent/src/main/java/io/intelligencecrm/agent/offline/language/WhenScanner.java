package io.intelligencecrm.agent.offline.language;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days, times and periods as reps write them, resolved against the user's today: "tmrw 3pm", "next
 * Tuesday", "end of month", "in 3 weeks", "last Thursday", "Dec 3", "the 15th", "this quarter", "q3",
 * "last 30 days". "next Tuesday" and "Tuesday" both mean the first Tuesday after today; "last
 * Tuesday" the latest one before it. Also durations ("in a month" after "not contacted"), read as days.
 */
final class WhenScanner {
    private static final String WEEKDAY = "monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu"
            + "|friday|fri|saturday|sat|sunday|sun";
    private static final String MONTH = "january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug"
            + "|september|sept|sep|october|oct|november|nov|december|dec";
    private static final String TOMORROW = "tomorrow|tmrw|tmrow|tmr|tmw|tomorow|tommorow|tommorrow|tomorrrow|2moro|2morrow"
            + "|2mrw|tomoz|tomm";
    private static final String UNIT = "days?|weeks?|wks?|months?|mos?|years?|yrs?|fortnights?";
    private static final Pattern TIME_OF_DAY = Pattern.compile("(?i)\\b(?:(?:at|@|by|around|from)\\s*)?"
            + "(?<hour>\\d{1,2})(?::(?<minute>\\d{2}))?\\s*(?<half>am|pm|a\\.m\\.|p\\.m\\.|o'?clock)(?![\\w])"
            + "|\\b(?:at|@|around)\\s*(?<bare>\\d{1,2})(?::(?<bareminute>\\d{2}))?(?![\\w:.%])"
            + "|(?<![\\d:.])(?<h24>[01]?\\d|2[0-3]):(?<m24>[0-5]\\d)(?![\\d:])"
            + "|\\b(?:at\\s+)?(?<word>noon|midday|lunch\\s*time|lunchtime|midnight|end\\s+of\\s+(?:the\\s+)?day|eod|cob|"
            + "close\\s+of\\s+business|(?:in\\s+the\\s+)?(?:morning|afternoon|evening))\\b");

    private record Rule(Pattern pattern, Function<Matcher, When> reading) {
    }

    private final LocalDate today;
    private final boolean monthFirst;
    private final List<Rule> rules = new ArrayList<>();

    /** @param zone the user's zone: month-first numeric dates (12/3) only in the Americas */
    WhenScanner(LocalDate today, ZoneId zone) {
        this.today = today;
        this.monthFirst = zone.getId().startsWith("America/") || zone.getId().startsWith("US/");
        rule("(?:the\\s+)?day\\s+after\\s+(?:" + TOMORROW + ")", m -> day(today.plusDays(2)));
        rule("(?:the\\s+)?day\\s+before\\s+yesterday", m -> day(today.minusDays(2)));
        rule("(?:" + TOMORROW + ")(?:\\s+(?<part>morning|afternoon|evening|night|am|pm))?", m -> partOfDay(today.plusDays(1), m.group("part")));
        rule("(?:yesterday|yday|yest|ystrdy|yesterdy|yesteday)(?:\\s+(?<part>morning|afternoon|evening|night))?",
                m -> withPeriod(partOfDay(today.minusDays(1), m.group("part")), "yesterday"));
        rule("(?:today|tdy|2day)", m -> withPeriod(day(today), "today"));
        rule("(?:tonight|tonite)", m -> new When(today, LocalTime.of(19, 0), "today"));
        rule("(?:earlier\\s+today|this\\s+(?<part>morning|afternoon|evening))", m -> withPeriod(partOfDay(today, m.group("part")), "today"));
        rule("(?<day>" + WEEKDAY + ")\\s+(?:of\\s+)?next\\s+week|next\\s+week(?:\\s+on)?\\s+(?<day2>" + WEEKDAY + ")",
                m -> day(nextWeekMonday().plusDays(weekday(m.group("day") != null ? m.group("day") : m.group("day2")).ordinal())));
        rule("(?<which>next|this|coming|last|past|previous|on|by|until|till|before|every)?\\s*(?<day>" + WEEKDAY + ")"
                + "(?:\\s+(?<part>morning|afternoon|evening|night))?", this::weekday);
        rule("in\\s+(?<count>" + Counts.WORDS + ")\\s+(?<unit>" + UNIT + ")(?:\\s+time)?", m -> later(m, 1));
        rule("(?<count>" + Counts.WORDS + ")\\s+(?<unit>" + UNIT + ")\\s+(?:from\\s+(?:now|today)|later|out)", m -> later(m, 1));
        rule("(?<count>" + Counts.WORDS + ")\\s+(?<unit>" + UNIT + ")\\s+ago", m -> later(m, -1));
        rule("(?:(?:in|over|during|for)\\s+)?(?:the\\s+)?(?:last|past|previous)\\s+(?<count>" + Counts.WORDS + ")\\s+(?<unit>" + UNIT + ")",
                this::lastPeriod);
        rule("(?:(?:in|over|during)\\s+)?(?:the\\s+)?past\\s+(?<unit>week|month|year)", this::pastUnit);
        rule("(?:(?:in|over|during)\\s+)?(?:the\\s+)?next\\s+(?<count>\\d{1,3}|two|three|four|five|six|seven|ten|thirty|a\\s+few|few)\\s+(?<unit>days|weeks)",
                m -> nextDays(m));
        rule("(?<which>this|next|last|previous|coming)\\s+(?<unit>week|month|quarter|year|qtr|q)(?!\\s*\\d)", this::calendarUnit);
        rule("(?:q(?<quarter>[1-4])|(?<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter)(?:\\s+(?<year>\\d{4}))?", this::quarter);
        rule("(?:ytd|year\\s+to\\s+date|so\\s+far\\s+this\\s+year)", m -> new When(today, null, "this year"));
        rule("(?:mtd|month\\s+to\\s+date|so\\s+far\\s+this\\s+month)", m -> new When(today, null, "this month"));
        rule("(?:qtd|quarter\\s+to\\s+date|so\\s+far\\s+this\\s+quarter)", m -> new When(today, null, "this quarter"));
        rule("(?:(?:by|at|before)\\s+)?(?:the\\s+)?(?:end|close)\\s+of\\s+(?:the\\s+)?(?<next>next\\s+)?(?<unit>week|month|quarter|year|qtr|q)"
                + "|(?<short>eow|eom|eoq|eoy)|(?<unit2>month|quarter|year)[-\\s]end", this::endOf);
        rule("(?:the\\s+)?(?:beginning|start)\\s+of\\s+(?:the\\s+)?(?<next>next\\s+)?(?<unit>week|month|quarter|year)", this::startOf);
        rule("(?:mid|middle\\s+of)[-\\s]+(?:the\\s+)?(?<next>next\\s+)?(?<unit>week|month)", this::middleOf);
        rule("(?<part>early|late)\\s+next\\s+week", m -> day(nextWeekMonday().plusDays(
                m.group("part").equalsIgnoreCase("early") ? 0 : 3)));
        rule("(?<next>next|this|the)\\s+weekend", m -> day(today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                .plusWeeks(m.group("next").equalsIgnoreCase("next") && today.getDayOfWeek().getValue() < 6 ? 1 : 0)));
        rule("(?<month>" + MONTH + ")\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<year>\\d{4}))?(?![\\d:])", this::calendarDate);
        rule("(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<month>" + MONTH + ")\\.?(?:,?\\s+(?<year>\\d{4}))?", this::calendarDate);
        rule("(?:on\\s+)?the\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)(?!\\s+(?:of\\s+)?(?:" + MONTH + "))(?!\\s+(?:one|contact|person|deal|row"
                + "|company|option|task|workflow|match|reading|of\\s+(?:them|those|these)))", this::dayOfMonth);
        rule("(?<iso>\\d{4}-\\d{2}-\\d{2})", m -> isoDay(m.group("iso")));
        rule("(?:(?:in|by|until|till|before|for|during|early|late|mid|end\\s+of|start\\s+of|beginning\\s+of)\\s+)(?<month>january|february"
                + "|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
                + "(?:\\s+(?<year>\\d{4}))?", this::month);
        rule("(?<a>\\d{1,2})/(?<b>\\d{1,2})(?:/(?<year>\\d{2,4}))?(?![\\d/])", this::numericDate);
    }

    private void rule(String regex, Function<Matcher, When> reading) {
        rules.add(new Rule(Pattern.compile("(?i)(?<![\\w'’-])(?:" + regex + ")(?![\\w'’-])"), reading));
    }

    List<Span> scan(String text) {
        List<Span> found = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                When when;
                try {
                    when = rule.reading().apply(matcher);
                } catch (RuntimeException impossible) {
                    when = null;
                }
                if (when != null) found.add(new Span(matcher.start(), matcher.end(), matcher.group(), Span.Kind.WHEN, when));
            }
        }
        List<Span> days = longestFirst(found);
        List<Span> times = times(text, days);
        List<Span> all = merged(text, days, times);
        all.addAll(durations(text));
        return all;
    }

    /** Non-overlapping readings, the longest winning: "next week on Tuesday" over "Tuesday". */
    private static List<Span> longestFirst(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt((Span span) -> span.start() - span.end()).thenComparingInt(Span::start));
        List<Span> kept = new ArrayList<>();
        for (Span span : sorted) {
            if (kept.stream().noneMatch(span::overlaps)) kept.add(span);
        }
        kept.sort(Comparator.comparingInt(Span::start));
        return kept;
    }

    private List<Span> times(String text, List<Span> days) {
        List<Span> times = new ArrayList<>();
        Matcher matcher = TIME_OF_DAY.matcher(text);
        while (matcher.find()) {
            LocalTime time = time(matcher);
            if (time == null) continue;
            Span span = new Span(matcher.start(), matcher.end(), matcher.group(), Span.Kind.WHEN, new When(null, time, null));
            if (days.stream().noneMatch(span::overlaps)) times.add(span);
        }
        return times;
    }

    /** A day and a time next to each other ("tmrw 3pm", "3pm on Friday") are one moment. */
    private List<Span> merged(String text, List<Span> days, List<Span> times) {
        List<Span> result = new ArrayList<>(days);
        for (Span time : times) {
            Span joined = null;
            for (Span day : result) {
                When when = day.as(When.class);
                if (when.date() == null || when.time() != null) continue;
                String gap = day.end() <= time.start() ? text.substring(day.end(), time.start())
                        : time.end() <= day.start() ? text.substring(time.end(), day.start()) : "x";
                if (gap.matches("(?i)\\s*(?:,|at|@|on|-|–|around|by)?\\s*")) {
                    int start = Math.min(day.start(), time.start());
                    int end = Math.max(day.end(), time.end());
                    joined = new Span(start, end, text.substring(start, end), Span.Kind.WHEN,
                            new When(when.date(), time.as(When.class).time(), when.period()));
                    result.remove(day);
                    break;
                }
            }
            result.add(joined != null ? joined : time);
        }
        result.sort(Comparator.comparingInt(Span::start));
        return result;
    }

    private static final Pattern DURATION = Pattern.compile("(?i)(?<![\\w-])(?:(?:in|for|over|since|within|during)\\s+)?"
            + "(?:(?:the\\s+)?(?:last|past)\\s+)?(?:(?:more\\s+than|over|at\\s+least)\\s+)?(?<count>" + Counts.WORDS + ")\\s*\\+?\\s*"
            + "(?<unit>" + UNIT + ")(?:\\s+or\\s+(?:more|so|longer))?(?![\\w-])"
            + "|(?<![\\w-])(?:in|for)\\s+(?<while>a\\s+(?:long\\s+)?while|ages|forever|a\\s+bit)(?![\\w-])");

    /** "in a month", "for 2 weeks", "30+ days", "in a while": how many days, for staleness questions. */
    private static List<Span> durations(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = DURATION.matcher(text);
        while (matcher.find()) {
            int days;
            if (matcher.group("while") != null) {
                days = matcher.group("while").toLowerCase(Locale.ROOT).contains("bit") ? 14
                        : matcher.group("while").toLowerCase(Locale.ROOT).matches("ages|forever|a\\s+long\\s+while") ? 60 : 30;
            } else {
                days = Counts.value(matcher.group("count")) * Counts.days(matcher.group("unit"));
            }
            if (days < 1 || days > 3650) continue;
            spans.add(new Span(matcher.start(), matcher.end(), matcher.group(), Span.Kind.DAYS, days));
        }
        return spans;
    }

    private static When day(LocalDate date) {
        return new When(date, null, null);
    }

    private static When withPeriod(When when, String period) {
        return new When(when.date(), when.time(), period);
    }

    private static When partOfDay(LocalDate date, String part) {
        LocalTime time = part == null ? null : switch (part.toLowerCase(Locale.ROOT)) {
            case "morning", "am" -> LocalTime.of(9, 0);
            case "afternoon", "pm" -> LocalTime.of(14, 0);
            case "evening" -> LocalTime.of(18, 0);
            case "night" -> LocalTime.of(19, 0);
            default -> null;
        };
        return new When(date, time, null);
    }

    private When weekday(Matcher m) {
        String word = m.group("day").toLowerCase(Locale.ROOT);
        String which = m.group("which") == null ? "" : m.group("which").toLowerCase(Locale.ROOT);
        // "sat", "sun", "wed", "mon" are words too ("sat down", "the sun"): only with a cue or a time after them.
        if (word.length() <= 3 && word.matches("sat|sun|wed|mon") && which.isEmpty() && m.group("part") == null) return null;
        if (which.equals("every")) return null;
        DayOfWeek day = weekday(word);
        LocalDate date = switch (which) {
            case "last", "past", "previous" -> today.with(TemporalAdjusters.previous(day));
            case "this" -> today.with(TemporalAdjusters.nextOrSame(day));
            default -> today.with(TemporalAdjusters.next(day));
        };
        return partOfDay(date, m.group("part"));
    }

    private static DayOfWeek weekday(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(lower.substring(0, 3))) return day;
        }
        throw new IllegalArgumentException(word);
    }

    private LocalDate nextWeekMonday() {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private When later(Matcher m, int direction) {
        int count = Counts.value(m.group("count")) * direction;
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        LocalDate date;
        if (unit.startsWith("d")) date = today.plusDays(count);
        else if (unit.startsWith("w")) date = today.plusWeeks(count);
        else if (unit.startsWith("f")) date = today.plusWeeks(2L * count);
        else if (unit.startsWith("y")) date = today.plusYears(count);
        else date = today.plusMonths(count);
        return new When(date, null, direction < 0 ? date + ".." + today : null);
    }

    /** "the last 30 days", "past 2 weeks", "last 3 months": a period ending today. */
    private When lastPeriod(Matcher m) {
        int count = Counts.value(m.group("count"));
        int days = count * Counts.days(m.group("unit"));
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        String period = unit.startsWith("w") ? "last " + count + " weeks" : "last " + days + " days";
        return new When(today.minusDays(days), null, period);
    }

    private When pastUnit(Matcher m) {
        int days = Counts.days(m.group("unit"));
        return new When(today.minusDays(days), null, "last " + days + " days");
    }

    private When nextDays(Matcher m) {
        String count = m.group("count").toLowerCase(Locale.ROOT);
        int value = count.equals("thirty") ? 30 : Counts.value(count);
        String period = "next " + (m.group("unit").toLowerCase(Locale.ROOT).startsWith("w") ? value * 7 : value) + " days";
        return new When(today.plusDays(value), null, period);
    }

    /** "this week", "next month", "last quarter": a day (its start, or its end for "this") and the period. */
    private When calendarUnit(Matcher m) {
        String which = m.group("which").toLowerCase(Locale.ROOT);
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        unit = unit.startsWith("q") ? "quarter" : unit;
        int offset = switch (which) {
            case "next", "coming" -> 1;
            case "last", "previous" -> -1;
            default -> 0;
        };
        LocalDate start = startOf(unit, offset);
        LocalDate end = startOf(unit, offset + 1).minusDays(1);
        String named = (offset == 0 ? "this " : offset > 0 ? "next " : "last ") + unit;
        boolean supported = named.matches("this (week|month|quarter|year)|last (week|month|quarter)|next month");
        String period = supported ? named : start + ".." + end;
        // Due "this week" is by its end; "next week" starts on its Monday.
        LocalDate day = offset == 0 ? (unit.equals("week") ? weekEnd() : end) : start;
        return new When(day, null, period);
    }

    private LocalDate weekEnd() {
        LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        return friday.isBefore(today) ? today : today.getDayOfWeek().getValue() > 5 ? today : friday;
    }

    private LocalDate startOf(String unit, int offset) {
        return switch (unit) {
            case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(offset);
            case "month" -> today.withDayOfMonth(1).plusMonths(offset);
            case "quarter" -> today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3L * offset);
            default -> today.withDayOfYear(1).plusYears(offset);
        };
    }

    private When quarter(Matcher m) {
        int quarter;
        if (m.group("quarter") != null) {
            quarter = Integer.parseInt(m.group("quarter"));
        } else {
            quarter = switch (m.group("ordinal").toLowerCase(Locale.ROOT)) {
                case "first", "1st" -> 1;
                case "second", "2nd" -> 2;
                case "third", "3rd" -> 3;
                default -> 4;
            };
        }
        int year = m.group("year") != null ? Integer.parseInt(m.group("year")) : today.getYear();
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        LocalDate end = start.plusMonths(3).minusDays(1);
        return new When(start, null, start + ".." + end);
    }

    private When endOf(Matcher m) {
        String unit = m.group("short") != null ? switch (m.group("short").toLowerCase(Locale.ROOT)) {
            case "eow" -> "week";
            case "eom" -> "month";
            case "eoq" -> "quarter";
            default -> "year";
        } : (m.group("unit") != null ? m.group("unit") : m.group("unit2")).toLowerCase(Locale.ROOT);
        unit = unit.startsWith("q") ? "quarter" : unit;
        int offset = m.group("next") != null ? 1 : 0;
        LocalDate end = unit.equals("week") ? startOf("week", offset).plusDays(4) : startOf(unit, offset + 1).minusDays(1);
        return day(end);
    }

    private When startOf(Matcher m) {
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        int offset = m.group("next") != null ? 1 : 0;
        LocalDate start = startOf(unit, offset);
        return day(offset == 0 && start.isBefore(today) ? startOf(unit, 1) : start);
    }

    private When middleOf(Matcher m) {
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        int offset = m.group("next") != null ? 1 : 0;
        return day(unit.equals("week") ? startOf("week", offset).plusDays(2) : startOf("month", offset).withDayOfMonth(15));
    }

    private When calendarDate(Matcher m) {
        Month month = month(m.group("month"));
        int dayOfMonth = Integer.parseInt(m.group("day"));
        if (m.group("year") != null) return day(LocalDate.of(Integer.parseInt(m.group("year")), month, dayOfMonth));
        return day(nearest(LocalDate.of(today.getYear(), month, dayOfMonth)));
    }

    /** A date said without its year: this year's, unless that lies months back (then next year's). */
    private LocalDate nearest(LocalDate thisYear) {
        return thisYear.isBefore(today.minusDays(90)) ? thisYear.plusYears(1) : thisYear;
    }

    /** "in March": the month's first day (the next March, unless it is this month), and the month as a period. */
    private When month(Matcher m) {
        Month month = month(m.group("month"));
        int year = m.group("year") != null ? Integer.parseInt(m.group("year"))
                : month.getValue() < today.getMonthValue() ? today.getYear() + 1 : today.getYear();
        LocalDate first = LocalDate.of(year, month, 1);
        return new When(first, null, first + ".." + first.with(TemporalAdjusters.lastDayOfMonth()));
    }

    private When dayOfMonth(Matcher m) {
        int dayOfMonth = Integer.parseInt(m.group("day"));
        LocalDate date = today.withDayOfMonth(Math.min(dayOfMonth, today.lengthOfMonth()));
        if (dayOfMonth > today.lengthOfMonth()) return null;
        return day(date.isBefore(today) ? today.plusMonths(1).withDayOfMonth(dayOfMonth) : date);
    }

    private static When isoDay(String iso) {
        return day(LocalDate.parse(iso));
    }

    private When numericDate(Matcher m) {
        int first = Integer.parseInt(m.group("a"));
        int second = Integer.parseInt(m.group("b"));
        int monthValue = monthFirst ? first : second;
        int dayValue = monthFirst ? second : first;
        if (monthValue < 1 || monthValue > 12 || dayValue < 1 || dayValue > 31) return null;
        if (m.group("year") != null) {
            int year = Integer.parseInt(m.group("year"));
            return day(LocalDate.of(year < 100 ? 2000 + year : year, monthValue, dayValue));
        }
        return day(nearest(LocalDate.of(today.getYear(), monthValue, dayValue)));
    }

    private static Month month(String word) {
        String prefix = word.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) return month;
        }
        throw new IllegalArgumentException(word);
    }

    /** Business hours: "at 3" is 3pm, "at 9" is 9am. */
    private static LocalTime time(Matcher m) {
        if (m.group("word") != null) {
            String word = m.group("word").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (word.contains("noon") || word.contains("midday") || word.contains("lunch")) return LocalTime.NOON;
            if (word.contains("midnight")) return LocalTime.of(23, 59);
            if (word.contains("morning")) return LocalTime.of(9, 0);
            if (word.contains("afternoon")) return LocalTime.of(14, 0);
            if (word.contains("evening")) return LocalTime.of(18, 0);
            return LocalTime.of(17, 0);
        }
        if (m.group("h24") != null) return LocalTime.of(Integer.parseInt(m.group("h24")), Integer.parseInt(m.group("m24")));
        boolean bare = m.group("bare") != null;
        int hour = Integer.parseInt(bare ? m.group("bare") : m.group("hour"));
        String minuteText = bare ? m.group("bareminute") : m.group("minute");
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        if (hour > 23 || minute > 59) return null;
        String half = bare ? null : m.group("half").toLowerCase(Locale.ROOT).replace(".", "");
        if ("pm".equals(half) && hour < 12) hour += 12;
        else if ("am".equals(half) && hour == 12) hour = 0;
        else if ((half == null || half.startsWith("o")) && hour >= 1 && hour <= 7) hour += 12;
        return LocalTime.of(hour, minute);
    }
}
