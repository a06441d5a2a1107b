package io.intelligencecrm.agent.offline.language;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A time said in words, resolved in the user's calendar: "tmrw 3pm" is a day and a time, "next week"
 * is a day (its Monday) and also a period a report can take, "last Thursday" lies in the past.
 *
 * @param date   the day meant; null for a time said alone ("at 3pm")
 * @param time   the time of day, or null
 * @param period the words as a report period the tools accept (a period word or an ISO range), or null
 */
public record When(LocalDate date, LocalTime time, String period) {

    /** ISO date, or ISO local date-time when a time was said. */
    public String iso() {
        if (date == null) return null;
        return time == null ? date.toString() : LocalDateTime.of(date, time).toString();
    }

    public When at(LocalTime at) {
        return new When(date, at, period);
    }
}
