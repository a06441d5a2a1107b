package io.intelligencecrm.tools;

import io.intelligencecrm.core.error.CrmException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount as people write it: 12500, 12,500.50, 100k, 1.5m, $20k, 5000 EUR, EUR 5k.
 *
 * @param currency the currency the text names (a code, or $ € £), null when it names none
 */
public record Amount(BigDecimal value, String currency) {
    private static final Pattern FORM = Pattern.compile(
            "([a-z]{3}|[$€£¥])?(\\d+(?:\\.\\d+)?)([km]?)([a-z]{3}|[$€£¥])?");
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP");

    public static Amount parse(String field, String text) {
        Matcher matcher = FORM.matcher(text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s,_]", ""));
        if (!matcher.matches() || (matcher.group(1) != null && matcher.group(4) != null)) {
            throw CrmException.invalid(field, "'" + text + "' is not an amount; give digits like 12500.00 or 100k");
        }
        BigDecimal value = new BigDecimal(matcher.group(2));
        value = switch (matcher.group(3)) {
            case "k" -> value.movePointRight(3);
            case "m" -> value.movePointRight(6);
            default -> value;
        };
        String named = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
        if ("¥".equals(named)) throw CrmException.invalid(field, "¥ may be JPY or CNY; give the currency code");
        String currency = named == null ? null : SYMBOLS.getOrDefault(named, named.toUpperCase(Locale.ROOT));
        return new Amount(value, currency);
    }

    /** The currency to store: the one given on its own, else the amount's; both given must agree. */
    public String currencyWith(String field, String given) {
        if (!ToolArguments.given(given)) return currency;
        String code = given.trim().toUpperCase(Locale.ROOT);
        if (currency != null && !currency.equals(code)) {
            throw CrmException.invalid(field, "the amount is in " + currency + " but the currency is " + code
                    + "; say which one");
        }
        return code;
    }
}
