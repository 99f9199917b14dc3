package io.aviary.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.marketdata.domain.TimeRanges.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRangesTest {

    @Test
    void unionMergesOverlappingAndTouchingRanges() {
        assertThat(TimeRanges.union(List.of(new Range(60, 120), new Range(0, 60), new Range(300, 360), new Range(100, 180))))
                .containsExactly(new Range(0, 180), new Range(300, 360));
    }

    @Test
    void missingIsWhatNoCoveredRangeContains() {
        List<Range> covered = List.of(new Range(60, 120), new Range(180, 240));
        assertThat(TimeRanges.missing(new Range(0, 300), covered))
                .containsExactly(new Range(0, 60), new Range(120, 180), new Range(240, 300));
        assertThat(TimeRanges.missing(new Range(60, 120), covered)).isEmpty();
        assertThat(TimeRanges.missing(new Range(90, 200), covered)).containsExactly(new Range(120, 180));
        assertThat(TimeRanges.missing(new Range(0, 30), List.of())).containsExactly(new Range(0, 30));
    }
}
