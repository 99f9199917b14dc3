package io.aviary.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.kit.web.RequestValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeParamTest {

    private static final List<Object> LOC = List.of("body", "start_time");

    @Test
    void epochNumbersAreSecondsUpToTwoE10AndMillisecondsAbove() {
        assertThat(TimeParam.parse("1751371200", LOC)).isEqualTo(Instant.parse("2025-07-01T12:00:00Z"));
        assertThat(TimeParam.parse("1751371200123", LOC)).isEqualTo(Instant.parse("2025-07-01T12:00:00.123Z"));
        assertThat(TimeParam.parse("1751371200.5", LOC)).isEqualTo(Instant.parse("2025-07-01T12:00:00.500Z"));
    }

    @Test
    void isoFormsWithAndWithoutOffset() {
        Instant noon = Instant.parse("2025-07-01T12:00:00Z");
        assertThat(TimeParam.parse("2025-07-01T12:00:00Z", LOC)).isEqualTo(noon);
        assertThat(TimeParam.parse("2025-07-01T14:00:00+02:00", LOC)).isEqualTo(noon);
        assertThat(TimeParam.parse("2025-07-01T12:00:00", LOC)).isEqualTo(noon);
        assertThat(TimeParam.parse("2025-07-01 12:00:00", LOC)).isEqualTo(noon);
        assertThat(TimeParam.parse("2025-07-01", LOC)).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
        assertThat(TimeParam.parse(null, LOC)).isNull();
    }

    @Test
    void unreadableTimesAre422NamingTheField() {
        assertThatThrownBy(() -> TimeParam.parse("yesterday", LOC)).isInstanceOf(RequestValidationException.class)
                .satisfies(e -> assertThat(((RequestValidationException) e).errors().getFirst().loc()).isEqualTo(LOC));
        assertThatThrownBy(() -> TimeParam.parse("99999999999999999999999", LOC))
                .isInstanceOf(RequestValidationException.class);
    }

    @Test
    void formatIsPythonsIsoformatOfAUtcTime() {
        assertThat(TimeParam.format(Instant.parse("2025-07-01T12:00:00Z"))).isEqualTo("2025-07-01T12:00:00+00:00");
        assertThat(TimeParam.format(Instant.parse("2025-07-01T12:00:00.123456789Z")))
                .isEqualTo("2025-07-01T12:00:00.123456+00:00");
        assertThat(TimeParam.format(Instant.parse("2025-07-01T12:30:00.5Z"))).isEqualTo("2025-07-01T12:30:00.500000+00:00");
        Instant t = Instant.parse("2025-07-01T12:00:00.000001Z");
        assertThat(TimeParam.parse(TimeParam.format(t), LOC)).isEqualTo(t);
    }
}
