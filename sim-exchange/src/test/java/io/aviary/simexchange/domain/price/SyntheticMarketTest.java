package io.aviary.simexchange.domain.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {

    static final long ANCHOR = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    static final long DAY = 86_400;

    static SyntheticMarket market(long seed) {
        return new SyntheticMarket(new PathSpec(seed, "BTC-USDT", "spot:BTC-USDT", 95_000, 0.5, ANCHOR, 1.2, 0.05,
                0.00001, null));
    }

    @Test
    void sameSeedGivesTheSameHistoryWhateverWasAskedBefore() {
        long start = ANCHOR - 30 * DAY;
        SyntheticMarket first = market(42);
        List<CandleBar> a = first.bars(start, 60, 500);
        SyntheticMarket second = market(42);
        second.bars(start + 10 * DAY, 3600, 100); // warm other hours first: must not matter
        List<CandleBar> b = second.bars(start, 60, 500);

        assertThat(b).isEqualTo(a);
        assertThat(market(43).bars(start, 60, 500)).isNotEqualTo(a);
    }

    @Test
    void anHourCandleIsTheMergeOfItsSixtyMinuteCandles() {
        SyntheticMarket m = market(42);
        long hourStart = ANCHOR + 123 * 3600;
        CandleBar hour = m.bars(hourStart, 3600, 1).get(0);
        List<CandleBar> minutes = m.bars(hourStart, 60, 60);

        assertThat(minutes).hasSize(60);
        assertThat(hour.open()).isEqualTo(minutes.get(0).open());
        assertThat(hour.close()).isEqualTo(minutes.get(59).close());
        assertThat(hour.high()).isEqualTo(minutes.stream().mapToDouble(CandleBar::high).max().orElseThrow());
        assertThat(hour.low()).isEqualTo(minutes.stream().mapToDouble(CandleBar::low).min().orElseThrow());
        assertThat(hour.volumeLots()).isEqualTo(minutes.stream().mapToLong(CandleBar::volumeLots).sum());
        assertThat(hour.trades()).isEqualTo(minutes.stream().mapToLong(CandleBar::trades).sum());
        assertThat(hour.takerBuyLots()).isEqualTo(minutes.stream().mapToLong(CandleBar::takerBuyLots).sum());
        assertThat(hour.quoteVolume())
                .isCloseTo(minutes.stream().mapToDouble(CandleBar::quoteVolume).sum(), org.assertj.core.data.Percentage.withPercentage(1e-9));
        // and seconds agree with minutes, days with hours, arbitrary ranges with both
        CandleBar minute = m.bars(hourStart + 600, 60, 1).get(0);
        CandleBar fromSeconds = m.bars(hourStart + 600, 1, 60).stream().reduce(CandleBar::merge).orElseThrow();
        assertThat(fromSeconds.high()).isEqualTo(minute.high());
        assertThat(fromSeconds.low()).isEqualTo(minute.low());
        assertThat(fromSeconds.volumeLots()).isEqualTo(minute.volumeLots());
        long dayStart = Math.floorDiv(hourStart, DAY) * DAY;
        CandleBar day = m.bars(dayStart, 86_400, 1).get(0);
        CandleBar fromHours = m.bars(dayStart, 3600, 24).stream().reduce(CandleBar::merge).orElseThrow();
        assertThat(day).isEqualTo(fromHours);
        CandleBar odd = m.aggregate(hourStart + 17, hourStart + 3600 + 5);
        CandleBar oddFromSeconds = m.bars(hourStart + 17, 1, 3588).stream().reduce(CandleBar::merge).orElseThrow();
        assertThat(odd.high()).isEqualTo(oddFromSeconds.high());
        assertThat(odd.close()).isEqualTo(oddFromSeconds.close());
    }

    @Test
    void aYearOfMinuteCandlesIsCompleteContinuousAndWellFormed() {
        SyntheticMarket m = market(42);
        long start = ANCHOR - 365 * DAY;
        List<CandleBar> year = m.bars(start, 60, 525_600);

        assertThat(year).hasSize(525_600);
        CandleBar previous = null;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (CandleBar bar : year) {
            assertThat(bar.low()).isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
            assertThat(bar.high()).isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
            assertThat(bar.volumeLots()).isNotNegative();
            assertThat(bar.takerBuyLots()).isBetween(0L, bar.volumeLots());
            if (previous != null) {
                assertThat(bar.openTime()).isEqualTo(previous.openTime() + 60);
                assertThat(bar.open()).isEqualTo(previous.close());
            }
            min = Math.min(min, bar.low());
            max = Math.max(max, bar.high());
            previous = bar;
        }
        // the price path ends at the anchor price and moves like a market over a year
        assertThat(year.get(year.size() - 1).close()).isCloseTo(95_000, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(max / min).isBetween(1.1, 10.0);
    }

    @Test
    void livePriceFollowsTheSamePath() {
        SyntheticMarket m = market(42);
        long t = ANCHOR + 5000;
        CandleBar second = m.bars(t, 1, 1).get(0);
        assertThat(m.priceAt(t)).isCloseTo(second.open(), org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(m.priceAt(t + 1)).isCloseTo(second.close(), org.assertj.core.data.Percentage.withPercentage(1e-9));
    }
}
