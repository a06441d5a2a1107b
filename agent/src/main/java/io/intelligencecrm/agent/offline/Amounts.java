package io.intelligencecrm.agent.offline;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Money as people type it: "$5k", "5,000 EUR", "12.5k", "€300"; the currency from a symbol or a code. */
final class Amounts {
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP");
    private static final String CODES = "usd|eur|gbp|chf|cad|aud|jpy";
    /** "5.000 EUR" groups thousands with dots, as much of Europe writes it; "5,000" with commas. */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?i)(?<![\\w.])(?:(?<precode>" + CODES + ")\\s?)?(?<symbol>[$€£])?\\s?"
                    + "(?<number>\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:\\.\\d{3})+(?![.,]\\d)|\\d+)(?<fraction>\\.\\d+)?"
                    + "(?<scale>[km])?(?:\\s*(?:(?<code>" + CODES + ")|(?<word>dollars?|bucks|euros?|pounds?))\\b)?(?![\\w-])");
    private static final Map<String, String> WORDS = Map.of("dollar", "USD", "buck", "USD", "euro", "EUR", "pound", "GBP");

    /**
     * @param amount   plain decimal text, as createDeal takes it
     * @param currency a 3-letter code, or null when none was said
     * @param text     the words the amount was found in, to take out of the rest of the command
     */
    record Amount(String amount, String currency, String text) {
    }

    private Amounts() {
    }

    /** The first amount in the text, or null; a short bare number ("2 weeks") is not money. */
    static Amount find(String text) {
        Matcher matcher = AMOUNT.matcher(text);
        while (matcher.find()) {
            String symbol = matcher.group("symbol");
            String scale = matcher.group("scale");
            String code = matcher.group("code") != null ? matcher.group("code") : matcher.group("precode") != null
                    ? matcher.group("precode") : matcher.group("word") == null ? null
                    : WORDS.get(matcher.group("word").toLowerCase(Locale.ROOT).replaceFirst("s$", ""));
            if (symbol == null && scale == null && code == null && matcher.group("number").length() < 3) continue;
            String fraction = matcher.group("fraction") == null ? "" : matcher.group("fraction");
            String number = matcher.group("number");
            number = number.contains(",") ? number.replace(",", "") : number.replace(".", "");
            BigDecimal value = new BigDecimal(number + fraction);
            if (scale != null) value = value.scaleByPowerOfTen(scale.equalsIgnoreCase("k") ? 3 : 6);
            String currency = code != null ? code.toUpperCase(Locale.ROOT) : symbol == null ? null : SYMBOLS.get(symbol);
            return new Amount(value.stripTrailingZeros().toPlainString(), currency, matcher.group().strip());
        }
        return null;
    }
}
