package io.intelligencecrm.web.page;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How numbers, money and times read on the pages. */
public final class Formats {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String number(Double value) {
        if (value == null) return "";
        if (value == Math.rint(value)) return NumberFormat.getIntegerInstance(Locale.US).format(value.longValue());
        return String.format(Locale.US, "%,.1f", value);
    }

    public static String money(BigDecimal amount, String currency) {
        if (amount == null) return "";
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(0);
        return format.format(amount) + " " + (currency == null ? "" : currency.trim());
    }

    /** Per-currency totals, never summed across currencies. */
    public static String totals(Map<String, BigDecimal> byCurrency) {
        if (byCurrency.isEmpty()) return "0";
        StringBuilder text = new StringBuilder();
        byCurrency.forEach((currency, amount) -> {
            if (!text.isEmpty()) text.append(" · ");
            text.append(money(amount, currency));
        });
        return text.toString();
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

    public static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    public static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** "3 h ago", "2 d ago", or the date for anything older than a month. */
    public static String ago(Instant instant, Instant now) {
        if (instant == null) return "";
        Duration age = Duration.between(instant, now);
        if (age.isNegative() || age.toMinutes() < 1) return "just now";
        if (age.toHours() < 1) return age.toMinutes() + " min ago";
        if (age.toDays() < 1) return age.toHours() + " h ago";
        if (age.toDays() < 31) return age.toDays() + " d ago";
        return day(instant);
    }

    public static String capitalised(String text) {
        if (text == null || text.isEmpty()) return "";
        return Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase(Locale.ROOT);
    }
}
