package io.intelligencecrm.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void writes_every_instant_exactly_as_the_iso_instant_formatter() throws Exception {
        List<Instant> samples = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-24T10:27:04Z"),
                Instant.parse("2026-11-24T10:27:04.659Z"), Instant.parse("2026-11-24T10:27:04.659238Z"),
                Instant.parse("2026-11-24T10:27:04.659238123Z"), Instant.parse("2026-11-24T10:27:04.000001Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-01T12:00:00Z")));
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            samples.add(Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    }));
        }
        // Through the API's mapper, which writes instants with it.
        for (Instant instant : samples) {
            assertEquals('"' + DateTimeFormatter.ISO_INSTANT.format(instant) + '"', Json.mapper().writeValueAsString(instant),
                    instant::toString);
        }
    }
}
