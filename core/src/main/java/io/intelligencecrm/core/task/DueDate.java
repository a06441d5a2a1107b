package io.intelligencecrm.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When a task is due, as people give it: a day ("2026-05-01", all-day), a local date-time
 * ("2026-05-01T15:00") in the user's zone, or an instant with an offset.
 */
public record DueDate(Instant at, boolean allDay) {
    public static final String FORMS = "a date (2026-05-01), a local date-time (2026-05-01T15:00) or a date-time "
            + "with an offset (2026-05-01T15:00:00Z)";

    /** @throws DateTimeParseException when the text is none of {@link #FORMS} */
    public static DueDate parse(String text, ZoneId zone) {
        String value = text.strip();
        if (value.length() == 10) return new DueDate(LocalDate.parse(value).atStartOfDay(zone).toInstant(), true);
        try {
            return new DueDate(OffsetDateTime.parse(value).toInstant(), false);
        } catch (DateTimeParseException noOffset) {
            return new DueDate(LocalDateTime.parse(value).atZone(zone).toInstant(), false);
        }
    }
}
