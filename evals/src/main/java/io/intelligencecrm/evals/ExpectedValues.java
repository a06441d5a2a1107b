package io.intelligencecrm.evals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A corpus case's expected argument values, resolved after the conversation and compared with what
 * a tool call sent. References name records by what the case planted ({@code @contact:jane@acme.example},
 * {@code @contact:name:Omar Farouk}, {@code @deal:Orbitel -}, {@code @company:Globex},
 * {@code @task:~contract}), days relative to the user's today ({@code @date:+21}, {@code @date:next:tue},
 * {@code @date:last:thu}, {@code @date:eom}, {@code @date:+1T15:00}; see {@link #date}), and rows the
 * conversation showed ({@code @row:searchContacts:2}, {@code @listed:2} for the second record a question
 * listed). A value starting with {@code ~} need only be contained, case-insensitive.
 */
final class ExpectedValues {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("(?<day>[^T]+)(?:T(?<time>\\d{2}:\\d{2}))?");
    private static final Pattern LISTED = Pattern.compile("(?m)^\\s*(\\d+)\\.\\s+(.+?)(?:\\s+\\(.*)?$");

    private final TenantQueries queries;
    private final UUID conversation;
    private final List<AttemptResult.Turn> turns;
    private final LocalDate today;

    ExpectedValues(TenantQueries queries, UUID conversation, List<AttemptResult.Turn> turns, LocalDate today) {
        this.queries = queries;
        this.conversation = conversation;
        this.turns = turns;
        this.today = today;
    }

    /** Whether every expected argument is what the call sent. */
    boolean matches(Map<String, Object> expected, Map<String, Object> actual) {
        for (Map.Entry<String, Object> entry : expected.entrySet()) {
            if (!matches(entry.getValue(), actual.get(entry.getKey()))) return false;
        }
        return true;
    }

    boolean matches(Object expected, Object actual) {
        if ("!absent".equals(expected)) return actual == null;
        if (actual == null) return false;
        if (expected instanceof Boolean flag) return flag.toString().equalsIgnoreCase(String.valueOf(actual));
        String wanted = String.valueOf(expected);
        String sent = String.valueOf(actual);
        if (wanted.startsWith("~")) return sent.toLowerCase(Locale.ROOT).contains(wanted.substring(1).toLowerCase(Locale.ROOT));
        if (wanted.startsWith("@")) wanted = resolve(wanted);
        if (wanted == null) return false;
        BigDecimal a = number(wanted);
        BigDecimal b = number(sent);
        if (a != null && b != null) return a.compareTo(b) == 0;
        return wanted.equalsIgnoreCase(sent.strip());
    }

    /** The concrete value a reference stands for; null when it names nothing. */
    String resolve(String reference) {
        int colon = reference.indexOf(':');
        String kind = reference.substring(1, colon);
        String what = reference.substring(colon + 1);
        return switch (kind) {
            case "contact" -> what.startsWith("name:")
                    ? queries.scalar("select id from contacts where first_name || ' ' || last_name = " + quoted(what.substring(5))
                    + " order by created_at desc limit 1")
                    : queries.scalar("select id from contacts where lower(email) = lower(" + quoted(what) + ") order by created_at desc limit 1");
            case "deal" -> queries.scalar("select id from deals where name " + like(what) + " order by created_at limit 1");
            case "company" -> queries.scalar("select id from companies where name = " + quoted(what) + " order by created_at limit 1");
            case "task" -> queries.scalar("select id from tasks where title " + like(what) + " order by created_at limit 1");
            case "date" -> date(what);
            case "row" -> row(what);
            case "listed" -> listed(Integer.parseInt(what));
            default -> throw new IllegalArgumentException("unknown reference " + reference);
        };
    }

    /**
     * +N / -N days, +Nm months; next:tue (the first Tuesday after today), last:thu (the latest before it),
     * eow (this week's Friday), eom, eonm (end of next month), eoq; nextweek (its Monday), nextmonth (its
     * first day); then optionally T15:00.
     */
    String date(String expression) {
        return date(expression, today);
    }

    static String date(String expression, LocalDate today) {
        Matcher matcher = DATE.matcher(expression);
        if (!matcher.matches()) throw new IllegalArgumentException("bad date " + expression);
        String day = matcher.group("day");
        LocalDate date;
        if (day.matches("[+-]\\d+m")) date = today.plusMonths(Integer.parseInt(day.substring(0, day.length() - 1)));
        else if (day.matches("[+-]\\d+")) date = today.plusDays(Integer.parseInt(day));
        else if (day.startsWith("next:")) date = today.with(TemporalAdjusters.next(weekday(day.substring(5))));
        else if (day.startsWith("last:")) date = today.with(TemporalAdjusters.previous(weekday(day.substring(5))));
        else {
            date = switch (day) {
                case "eow" -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
                case "eom" -> today.with(TemporalAdjusters.lastDayOfMonth());
                case "eonm" -> today.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
                case "eoq" -> today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 3)
                        .with(TemporalAdjusters.lastDayOfMonth());
                case "nextweek" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                case "nextmonth" -> today.plusMonths(1).withDayOfMonth(1);
                default -> throw new IllegalArgumentException("bad date " + expression);
            };
        }
        return matcher.group("time") == null ? date.toString() : date + "T" + matcher.group("time");
    }

    private static DayOfWeek weekday(String prefix) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(prefix)) return day;
        }
        throw new IllegalArgumentException("bad weekday " + prefix);
    }

    /** tool:n - the id in row n of the first result the tool returned in this conversation. */
    private String row(String what) {
        String[] parts = what.split(":");
        String result = queries.scalar("select coalesce(content ->> 'text', content -> 'contents' -> 0 ->> 'text') from messages"
                + " where conversation_id = '" + conversation
                + "' and role = 'tool' and content ->> 'toolName' = " + quoted(parts[0]) + " order by id limit 1");
        if (result == null) return null;
        try {
            JsonNode table = MAPPER.readTree(result);
            JsonNode rows = table.path("rows");
            int index = Integer.parseInt(parts[1]) - 1;
            return rows.size() > index ? rows.get(index).get(0).asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The record a reply listed as "n. Name (...)", by its name. */
    private String listed(int n) {
        for (AttemptResult.Turn turn : turns) {
            Matcher line = LISTED.matcher(turn.reply() == null ? "" : turn.reply());
            while (line.find()) {
                if (Integer.parseInt(line.group(1)) == n) {
                    return queries.scalar("select id from contacts where first_name || ' ' || last_name = " + quoted(line.group(2).strip())
                            + " order by created_at desc limit 1");
                }
            }
        }
        return null;
    }

    static String like(String what) {
        return what.startsWith("~") ? "ilike " + quoted("%" + what.substring(1) + "%") : "like " + quoted(what + "%");
    }

    static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static BigDecimal number(String text) {
        try {
            return text.matches("-?\\d+(?:\\.\\d+)?") ? new BigDecimal(text) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
