package io.intelligencecrm.core.tenant;

import io.intelligencecrm.core.error.Violations;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant's own conventions, kept in its directory row: the time zone its schedules, reports and
 * relative dates use (each user may override it), its default currency, the locale for dates and
 * numbers, and its working days (lower-case English day names, Monday first).
 */
public record TenantSettings(String timezone, String currency, String locale, List<String> workingDays) {
    private static final List<String> DAYS = Arrays.stream(DayOfWeek.values())
            .map(day -> day.name().toLowerCase(Locale.ROOT)).toList();

    public static TenantSettings defaults() {
        return new TenantSettings("UTC", "USD", "en", DAYS.subList(0, 5));
    }

    /** The stored JSON with defaults for what it does not say (tenants created before these settings). */
    static TenantSettings fromStored(Map<String, Object> stored) {
        TenantSettings defaults = defaults();
        Object days = stored.get("workingDays");
        return new TenantSettings(
                (String) stored.getOrDefault("timezone", defaults.timezone()),
                (String) stored.getOrDefault("currency", defaults.currency()),
                (String) stored.getOrDefault("locale", defaults.locale()),
                days instanceof List<?> list ? list.stream().map(String::valueOf).toList() : defaults.workingDays());
    }

    Map<String, Object> toStored() {
        return Map.of("timezone", timezone, "currency", currency, "locale", locale, "workingDays", workingDays);
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** These settings with the given values in place of theirs (null keeps a value); bad values go to violations. */
    public TenantSettings with(String newTimezone, String newCurrency, String newLocale, List<String> newWorkingDays,
                               Violations violations) {
        if (newTimezone != null) {
            try {
                ZoneId.of(newTimezone);
            } catch (DateTimeException e) {
                violations.add("timezone", "must be an IANA time zone such as Europe/Berlin");
            }
        }
        String currencyCode = newCurrency == null ? null : newCurrency.trim().toUpperCase(Locale.ROOT);
        if (currencyCode != null) {
            try {
                Currency.getInstance(currencyCode);
            } catch (IllegalArgumentException e) {
                violations.add("currency", "must be an ISO 4217 code such as EUR");
            }
        }
        if (newLocale != null && !isKnownLocale(newLocale)) {
            violations.add("locale", "must be a language tag such as en-GB or de-DE");
        }
        List<String> days = newWorkingDays == null ? null
                : DAYS.stream().filter(day -> newWorkingDays.stream().anyMatch(given -> given != null
                && given.trim().toLowerCase(Locale.ROOT).equals(day))).toList();
        if (days != null && (days.isEmpty() || days.size() != newWorkingDays.size())) {
            violations.add("workingDays", "must list one or more distinct days: " + String.join(", ", DAYS));
        }
        return new TenantSettings(newTimezone == null ? timezone : newTimezone,
                currencyCode == null ? currency : currencyCode,
                newLocale == null ? locale : Locale.forLanguageTag(newLocale).toLanguageTag(),
                days == null ? workingDays : days);
    }

    private static boolean isKnownLocale(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        return !locale.getLanguage().isEmpty()
                && Arrays.stream(Locale.getAvailableLocales()).anyMatch(known -> known.getLanguage().equals(locale.getLanguage()));
    }
}
