package io.aviary.marketdata.app;

import static io.aviary.marketdata.domain.Books.PAIR;
import static io.aviary.marketdata.domain.Books.diff;
import static io.aviary.marketdata.domain.Books.levels;
import static io.aviary.marketdata.domain.Books.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.port.OrderBookListener;
import io.aviary.kit.failure.Unavailable;
import io.aviary.marketdata.domain.FeedKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The feed checks sequences on what the connector hands it and owns the resync: a diff with a gap
 * makes it subscribe again and drop the old subscription; reads wait for the fresh snapshot.
 */
class OrderBookFeedTest {

    private final List<OrderBookListener> subscribed = new ArrayList<>();
    private final AtomicInteger closed = new AtomicInteger();
    private final OrderBookFeed feed = new OrderBookFeed(new FeedKey.OrderBook("sim", PAIR), listener -> {
        subscribed.add(listener);
        return closed::incrementAndGet;
    }, Runnable::run);

    @Test
    void aGapInTheDiffsMakesTheFeedResubscribeAndTheNextSnapshotRestoresTheBook() {
        feed.start();
        assertThat(subscribed).hasSize(1);
        feed.onSnapshot(snapshot(100, levels("99:1"), levels("100:1")));
        feed.onDiff(diff(101, 101, levels("99:2"), levels()));
        assertThat(feed.view(Duration.ZERO).bids(1)).isEqualTo(levels("99:2"));

        feed.onDiff(diff(103, 104, levels("99:9"), levels())); // 102 went missing

        assertThat(feed.resyncs()).isEqualTo(1);
        assertThat(subscribed).hasSize(2);
        assertThat(closed).hasValue(1);
        assertThatThrownBy(() -> feed.view(Duration.ofMillis(50))).isInstanceOf(Unavailable.class)
                .hasMessageContaining("not in sync");

        subscribed.get(1).onSnapshot(snapshot(104, levels("99:9"), levels("100:1")));
        assertThat(feed.view(Duration.ZERO).bids(1)).isEqualTo(levels("99:9"));
        assertThat(feed.view(Duration.ZERO).sequence()).isEqualTo(104);
    }

    @Test
    void staleDiffsDoNotResync() {
        feed.start();
        feed.onSnapshot(snapshot(100, levels("99:1"), levels("100:1")));
        feed.onDiff(diff(99, 100, levels("99:5"), levels()));
        assertThat(feed.resyncs()).isZero();
        assertThat(feed.view(Duration.ZERO).bids(1)).isEqualTo(levels("99:1"));
    }

    @Test
    void aReaderWaitsForTheFirstSnapshot() throws Exception {
        feed.start();
        Thread snapshotLater = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            feed.onSnapshot(snapshot(5, levels("1:1"), levels("2:1")));
        });
        assertThat(feed.view(Duration.ofSeconds(5)).sequence()).isEqualTo(5);
        snapshotLater.join();
    }
}
