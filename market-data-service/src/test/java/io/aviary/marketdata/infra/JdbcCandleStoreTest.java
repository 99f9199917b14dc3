package io.aviary.marketdata.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.TradingPair;
import io.aviary.marketdata.domain.CandleBar;
import io.aviary.marketdata.domain.CandleKey;
import io.aviary.marketdata.domain.TimeRanges.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbcCandleStoreTest {

    private static CandleDatabase db;
    private static JdbcCandleStore store;

    @BeforeAll
    static void start() {
        db = new CandleDatabase();
        store = db.store;
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static CandleKey key(String pair) {
        return new CandleKey("sim", TradingPair.parse(pair), CandleInterval.M1);
    }

    private static List<CandleBar> bars(long fromMinute, long toMinute) {
        return LongStream.range(fromMinute, toMinute).mapToObj(m -> new CandleBar(m * 60, m, m + 1, m - 1, m + 0.5,
                10 + m, 1000.25, 7, 4, 400.5)).toList();
    }

    @Test
    void storedCandlesReadBackInOrderWithEveryColumn() {
        CandleKey key = key("BTC-USDT");
        store.store(key, bars(0, 25_000), new Range(0, 25_000 * 60)); // more than one insert chunk
        List<CandleBar> read = store.read(key, 60 * 100, 60 * 103);
        assertThat(read).containsExactlyElementsOf(bars(100, 103));
        List<CandleBar> streamed = new ArrayList<>();
        store.forEach(key, 0, 25_000 * 60, streamed::add);
        assertThat(streamed).hasSize(25_000).isEqualTo(bars(0, 25_000));
        assertThat(store.any(key, 0, 60)).isTrue();
        assertThat(store.any(key, 25_000 * 60, 26_000 * 60)).isFalse();
    }

    @Test
    void coverageMergesTouchingRangesAndStoringTwiceKeepsOneRow() {
        CandleKey key = key("ETH-USDT");
        store.store(key, bars(0, 10), new Range(0, 600));
        store.store(key, bars(20, 30), new Range(1200, 1800));
        assertThat(store.coverage(key, new Range(0, 3600))).containsExactly(new Range(0, 600), new Range(1200, 1800));
        store.store(key, bars(5, 20), new Range(300, 1200));
        assertThat(store.coverage(key, new Range(0, 3600))).containsExactly(new Range(0, 1800));
        assertThat(store.read(key, 0, 3600)).hasSize(30);
    }

    @Test
    void aRangeWithoutCandlesIsStillCovered() {
        CandleKey key = key("SOL-USDT");
        store.store(key, List.of(), new Range(0, 6000));
        assertThat(store.coverage(key, new Range(100, 200))).containsExactly(new Range(0, 6000));
        assertThat(store.any(key, 0, 6000)).isFalse();
    }
}
