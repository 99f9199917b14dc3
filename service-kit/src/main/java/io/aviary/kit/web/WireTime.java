package io.aviary.kit.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one way every service writes a point in time into a JSON answer: what the original emits,
 * Python's {@code datetime.isoformat()} of a UTC-aware datetime as read back from PostgreSQL, e.g.
 * {@code 2025-07-01T12:00:00.123456+00:00} (microseconds only when not zero, {@code +00:00} not
 * {@code Z}). {@link Instant#toString()} gives {@code …Z} with nanoseconds and must not reach the wire.
 */
public final class WireTime {

    private WireTime() {
    }

    /** @return null for null (a nullable column stays null) */
    public static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime utc = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        String seconds = utc.truncatedTo(ChronoUnit.SECONDS).toString();
        if (utc.getSecond() == 0 && seconds.length() == 16) {
            seconds += ":00"; // LocalDateTime drops ":00" seconds; isoformat keeps them
        }
        int micros = utc.getNano() / 1000;
        return seconds + (micros == 0 ? "" : String.format(".%06d", micros)) + "+00:00";
    }
}
