package io.intelligencecrm.web.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How numbers, money and times read on the pages: one format for everything, from the person's
 * locale (their browser's first language) and time zone (their profile). The page's scripts format
 * with the same locale and zone through Intl (static/js/format.js), so a date written by the server
 * and one written by a script read alike. One instance per request: NumberFormat is not thread-safe.
 */
public final class Formats {
    public static final Locale DEFAULT_LOCALE = Locale.US;

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter day;
    private final DateTimeFormatter minute;
    private final DateTimeFormatter monthDay;
    private final NumberFormat integers;
    private final NumberFormat decimals;

    public Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        this.minute = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone);
        this.monthDay = DateTimeFormatter.ofLocalizedPattern("MMMd").withLocale(locale);
        this.integers = NumberFormat.getIntegerInstance(locale);
        this.integers.setRoundingMode(RoundingMode.HALF_UP);
        this.decimals = NumberFormat.getNumberInstance(locale);
        this.decimals.setMaximumFractionDigits(1);
    }

    /** The first language the browser asks for (en-US when none is usable), in the given zone. */
    public static Formats of(String acceptLanguage, String timezone) {
        return new Formats(locale(acceptLanguage), zone(timezone));
    }

    static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return DEFAULT_LOCALE;
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                if (range.getRange().equals("*")) continue;
                Locale wanted = Locale.forLanguageTag(range.getRange());
                if (!wanted.getLanguage().isEmpty()) return wanted;
            }
        } catch (IllegalArgumentException e) {
            return DEFAULT_LOCALE;
        }
        return DEFAULT_LOCALE;
    }

    static ZoneId zone(String timezone) {
        try {
            return timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public String languageTag() {
        return locale.toLanguageTag();
    }

    public String zoneId() {
        return zone.getId();
    }

    public ZoneId zone() {
        return zone;
    }

    public String number(Number value) {
        if (value == null) return "";
        double number = value.doubleValue();
        return number == Math.rint(number) ? integers.format(number) : decimals.format(number);
    }

    /** A whole number, as scores and counts are shown ("73", never "72.6"). */
    public String whole(Number value) {
        return value == null ? "" : integers.format(Math.round(value.doubleValue()));
    }

    public String percent(double ratio) {
        return whole(ratio * 100) + "%";
    }

    /** Whole units of the currency with its symbol where the locale has one: "$235,000", "235.000 €". */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) return "";
        String code = currency == null ? "" : currency.trim();
        try {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance(code));
            format.setMaximumFractionDigits(0);
            format.setMinimumFractionDigits(0);
            return format.format(amount);
        } catch (IllegalArgumentException e) {
            return integers.format(amount) + (code.isEmpty() ? "" : " " + code);
        }
    }

    /** Per-currency totals, never summed across currencies: "$3,905,000 · €300,000". */
    public String totals(Map<String, BigDecimal> byCurrency) {
        if (byCurrency.isEmpty()) return "0";
        StringBuilder text = new StringBuilder();
        byCurrency.forEach((currency, amount) -> {
            if (!text.isEmpty()) text.append(" · ");
            text.append(money(amount, currency));
        });
        return text.toString();
    }

    public String day(Instant instant) {
        return instant == null ? "" : day.format(instant);
    }

    public String day(LocalDate date) {
        return date == null ? "" : day.format(date.atStartOfDay(zone));
    }

    /** A day without its year, for chart axes: "Dec 7", "7 Dec". */
    public String monthDay(LocalDate date) {
        return date == null ? "" : monthDay.format(date);
    }

    public String minute(Instant instant) {
        return instant == null ? "" : minute.format(instant);
    }

    /** "3 h ago", "2 d ago", or the date for anything older than a month. */
    public String ago(Instant instant, Instant now) {
        if (instant == null) return "";
        Duration age = Duration.between(instant, now);
        if (age.isNegative() || age.toMinutes() < 1) return "just now";
        if (age.toHours() < 1) return age.toMinutes() + " min ago";
        if (age.toDays() < 1) return age.toHours() + " h ago";
        if (age.toDays() < 31) return age.toDays() + " d ago";
        return day(instant);
    }

    /** The same totals as JSON (currency to amount), for scripts that adjust them after a move. */
    public static String totalsJson(Map<String, BigDecimal> byCurrency) {
        StringBuilder json = new StringBuilder("{");
        byCurrency.forEach((currency, amount) -> {
            if (json.length() > 1) json.append(',');
            json.append('"').append(currency.replaceAll("[^A-Za-z]", "")).append("\":").append(amount.toPlainString());
        });
        return json.append('}').toString();
    }

    public static String capitalised(String text) {
        if (text == null || text.isEmpty()) return "";
        return Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Up to two initials of a name or, without one, of the email: "Sam Rivera" → "SR". */
    public static String initials(String name) {
        if (name == null || name.isBlank()) return "?";
        String[] words = name.strip().split("[\\s@._-]+");
        StringBuilder initials = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && initials.length() < 2) initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
        }
        return initials.isEmpty() ? "?" : initials.toString();
    }
}
