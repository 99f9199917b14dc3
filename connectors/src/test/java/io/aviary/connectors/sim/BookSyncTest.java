package io.aviary.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.OrderBookDiff;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.TradingPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookSyncTest {

    static final TradingPair BTC = TradingPair.parse("BTC-USDT");

    static OrderBookSnapshot snapshot(long seq) {
        return new OrderBookSnapshot(BTC, seq, Instant.EPOCH, List.of(), List.of());
    }

    static OrderBookDiff diff(long first, long last) {
        return new OrderBookDiff(BTC, first, last, Instant.EPOCH, List.of(), List.of());
    }

    @Test
    void passesContiguousDiffsDropsStaleOnesAndStopsAtAGapUntilTheNextSnapshot() {
        SimConnectorTest.BookRecorder listener = new SimConnectorTest.BookRecorder();
        BookSync sync = new BookSync(listener);

        assertThat(sync.onDiff(diff(1, 1))).isTrue();            // before any snapshot: ignored
        sync.onSnapshot(snapshot(10));
        assertThat(sync.onDiff(diff(8, 10))).isTrue();           // stale: ignored
        assertThat(sync.onDiff(diff(11, 12))).isTrue();
        assertThat(sync.onDiff(diff(13, 13))).isTrue();
        assertThat(sync.onDiff(diff(15, 16))).isFalse();         // 14 is missing
        assertThat(sync.isLive()).isFalse();
        assertThat(sync.onDiff(diff(17, 17))).isTrue();          // ignored while waiting
        sync.onSnapshot(snapshot(20));
        assertThat(sync.onDiff(diff(21, 21))).isTrue();

        assertThat(listener.diffs).extracting(OrderBookDiff::firstSequence).containsExactly(11L, 13L, 21L);
        assertThat(listener.snapshots).hasSize(2);
        assertThat(listener.contiguous()).isTrue();
    }
}
