package io.intelligencecrm.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an instant exactly as {@link DateTimeFormatter#ISO_INSTANT} does ({@code 2026-11-24T10:27:04.659238Z}:
 * the fraction in 0, 3, 6 or 9 digits), several times faster. Every record in a list page carries
 * timestamps, and the general formatter was a tenth of the API's CPU.
 */
final class InstantText {
    /** "2026-11-24T10:27:04.123456789Z" */
    private static final int LONGEST = 30;

    private InstantText() {
    }

    /** Writes the instant as a JSON string from the characters, without a String in between. */
    static void write(Instant instant, JsonGenerator generator) throws IOException {
        char[] text = new char[LONGEST];
        int length = format(instant, text);
        if (length < 0) generator.writeString(DateTimeFormatter.ISO_INSTANT.format(instant));
        else generator.writeString(text, 0, length);
    }

    /** The length written, or -1 for years outside 0-9999 (the general formatter's job). */
    private static int format(Instant instant, char[] text) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 0 || year > 9999) return -1;
        int at = digits(text, 0, year, 4);
        text[at++] = '-';
        at = digits(text, at, time.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, time.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, time.getHour(), 2);
        text[at++] = ':';
        at = digits(text, at, time.getMinute(), 2);
        text[at++] = ':';
        at = digits(text, at, time.getSecond(), 2);
        int nano = instant.getNano();
        if (nano != 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                at = digits(text, at, nano / 1_000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    /** Writes {@code value} zero-padded to {@code width} digits. */
    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
