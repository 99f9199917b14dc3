package io.aviary.accounts.api;

import io.aviary.kit.web.ErrorBody.ValidationError;
import io.aviary.kit.web.RequestValidationException;
import io.aviary.kit.web.WireTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Times as the compatible API takes and gives them. In: ISO-8601 (with offset or Z; without one
 * it is UTC; a bare date is its midnight) or a Unix epoch number, read the way pydantic reads a
 * number into a datetime: above 2e10 it is milliseconds, else seconds (the v1.0.2 client documents
 * seconds, the server model milliseconds; both arrive intact). Out: Python's
 * {@code datetime.isoformat()} of a UTC time, e.g. {@code 2025-07-01T12:00:00.123456+00:00}.
 */
final class TimeParam {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final BigDecimal MILLIS_ABOVE = new BigDecimal("2e10");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private TimeParam() {
    }

    /** @return null when absent; a 422 naming {@code loc} when unreadable */
    static Instant parse(String raw, List<Object> loc) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return read(raw.trim());
        } catch (DateTimeException | ArithmeticException e) {
            throw new RequestValidationException(new ValidationError("datetime_parsing", loc,
                    "Input should be a valid datetime: an ISO-8601 time or a Unix timestamp"));
        }
    }

    static Instant read(String text) {
        if (NUMBER.matcher(text).matches()) {
            return epoch(new BigDecimal(text));
        }
        String iso = text.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }
    }

    static Instant epoch(BigDecimal number) {
        BigDecimal micros = number.abs().compareTo(MILLIS_ABOVE) > 0
                ? number.multiply(THOUSAND) : number.multiply(THOUSAND).multiply(THOUSAND);
        return Instant.EPOCH.plus(micros.setScale(0, RoundingMode.FLOOR).longValueExact(), ChronoUnit.MICROS);
    }

    static String format(Instant instant) {
        return WireTime.iso(instant);
    }
}
