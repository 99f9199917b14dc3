package io.aviary.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandleWindowTest {

    private static CandleBar bar(long t, double close) {
        return new CandleBar(t, 1, 2, 0.5, close, 10, 10, 3, 4, 4);
    }

    @Test
    void keepsTheNewestCandlesOnePerOpenTime() {
        CandleWindow window = new CandleWindow(3);
        window.putAll(List.of(bar(60, 1), bar(0, 0), bar(120, 2), bar(180, 3)));
        window.put(bar(180, 3.5)); // the venue's closed candle replaces the trade-built one
        assertThat(window.tail(10)).extracting(CandleBar::timestamp).containsExactly(60L, 120L, 180L);
        assertThat(window.newest().orElseThrow().close()).isEqualTo(3.5);
        assertThat(window.tail(2)).extracting(CandleBar::timestamp).containsExactly(120L, 180L);
        window.growTo(5);
        window.putAll(List.of(bar(0, 0)));
        assertThat(window.tail(10)).hasSize(4);
    }

    @Test
    void aTradeMovesCloseHighLowAndVolumes() {
        CandleBar c = bar(0, 1).withTrade(3, 2, true).withTrade(0.25, 1, false);
        assertThat(c.high()).isEqualTo(3);
        assertThat(c.low()).isEqualTo(0.25);
        assertThat(c.close()).isEqualTo(0.25);
        assertThat(c.volume()).isEqualTo(13);
        assertThat(c.quoteAssetVolume()).isEqualTo(16.25);
        assertThat(c.trades()).isEqualTo(5);
        assertThat(c.takerBuyBaseVolume()).isEqualTo(6);
        assertThat(c.takerBuyQuoteVolume()).isEqualTo(10);
    }
}
