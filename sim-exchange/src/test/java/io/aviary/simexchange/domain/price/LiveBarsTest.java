package io.aviary.simexchange.domain.price;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveBarsTest {

    @Test
    void minuteBarsAreExactMergesOfSecondBarsAndIdleTimeIsFlat() {
        long seam = 1_800_000_000L / 60 * 60;
        LiveBars bars = new LiveBars(seam, 100.0, 0.01);
        bars.record((seam + 5) * 1000, 101, 10, true);
        bars.record((seam + 5) * 1000 + 300, 99, 20, false);
        bars.record((seam + 70) * 1000, 103, 5, true);
        bars.advanceTo(seam + 200);

        CandleBar first = bars.aggregate(seam, seam + 60, 60);
        CandleBar fromSeconds = bars.aggregate(seam, seam + 60, 1);
        assertThat(first).isEqualTo(fromSeconds);
        assertThat(first.open()).isEqualTo(100.0);
        assertThat(first.high()).isEqualTo(101.0);
        assertThat(first.low()).isEqualTo(99.0);
        assertThat(first.close()).isEqualTo(99.0);
        assertThat(first.volumeLots()).isEqualTo(30);
        assertThat(first.takerBuyLots()).isEqualTo(10);
        assertThat(first.trades()).isEqualTo(2);

        CandleBar second = bars.aggregate(seam + 60, seam + 120, 60);
        assertThat(second.open()).isEqualTo(99.0);
        assertThat(second.close()).isEqualTo(103.0);
        CandleBar idle = bars.aggregate(seam + 120, seam + 180, 60);
        assertThat(idle.open()).isEqualTo(103.0);
        assertThat(idle.high()).isEqualTo(103.0);
        assertThat(idle.volumeLots()).isZero();
        assertThat(bars.aggregate(seam + 600, seam + 660, 60)).isNull();
    }
}
