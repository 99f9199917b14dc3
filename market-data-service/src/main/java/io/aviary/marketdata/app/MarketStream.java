package io.aviary.marketdata.app;

import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.port.Subscription;
import io.aviary.marketdata.domain.BookView;
import io.aviary.marketdata.domain.CandleBar;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A live stream one WebSocket subscription reads: {@link #poll()} answers what changed since the last poll (nothing
 * when nothing did) without blocking, so a slow reader that polls less often simply gets the latest state
 * (coalescing). Holds its feed while open; {@link #close()} releases it.
 */
public sealed interface MarketStream extends AutoCloseable {

    /** Hummingbot's subscription id, e.g. {@code order_book_sim_BTC-USDT}. */
    String id();

    Optional<StreamUpdate> poll();

    @Override
    void close();

    /** Candles: the window when a new candle opened since the last push, else only the candle in progress. */
    final class Candles implements MarketStream {
        private final String id;
        private final Feeds.Held<CandleFeed> held;
        private final int records;
        private long lastOpen = Long.MIN_VALUE;
        private CandleBar lastSent;

        Candles(String id, Feeds.Held<CandleFeed> held, int records) {
            this.id = id;
            this.held = held;
            this.records = records;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public synchronized Optional<StreamUpdate> poll() {
            List<CandleBar> tail = held.feed().tail(records);
            if (tail.isEmpty()) {
                return Optional.empty();
            }
            CandleBar newest = tail.getLast();
            if (newest.timestamp() != lastOpen) {
                lastOpen = newest.timestamp();
                lastSent = newest;
                return Optional.of(new StreamUpdate.Candles(tail));
            }
            if (newest.equals(lastSent)) {
                return Optional.empty();
            }
            lastSent = newest;
            return Optional.of(new StreamUpdate.CandleUpdate(newest));
        }

        @Override
        public void close() {
            held.close();
        }
    }

    /** Order book: the best {@code depth} levels whenever the book's sequence moved (latest book wins). */
    final class OrderBook implements MarketStream {
        private final String id;
        private final Feeds.Held<OrderBookFeed> held;
        private final int depth;
        private long lastSequence = Long.MIN_VALUE;

        OrderBook(String id, Feeds.Held<OrderBookFeed> held, int depth) {
            this.id = id;
            this.held = held;
            this.depth = depth;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public synchronized Optional<StreamUpdate> poll() {
            Optional<BookView> book = held.feed().current();
            if (book.isEmpty() || book.get().sequence() == lastSequence) {
                return Optional.empty();
            }
            lastSequence = book.get().sequence();
            return Optional.of(new StreamUpdate.OrderBook(book.get().bids(depth), book.get().asks(depth)));
        }

        @Override
        public void close() {
            held.close();
        }
    }

    /**
     * Trades: every print from the venue's public tape, buffered between pushes up to {@code capacity}; beyond it the
     * oldest are dropped and counted, so a reader that never keeps up costs a bounded buffer, not memory without end.
     */
    final class Trades implements MarketStream {
        private final String id;
        private final int capacity;
        private final ArrayDeque<PublicTrade> buffer = new ArrayDeque<>();
        private long dropped;
        private volatile Subscription tape;

        Trades(String id, int capacity) {
            this.id = id;
            this.capacity = capacity;
        }

        void attach(Subscription subscription) {
            tape = subscription;
        }

        synchronized void onTrade(PublicTrade trade) {
            if (buffer.size() == capacity) {
                buffer.removeFirst();
                dropped++;
            }
            buffer.addLast(trade);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public synchronized Optional<StreamUpdate> poll() {
            if (buffer.isEmpty()) {
                return Optional.empty();
            }
            StreamUpdate.Trades update = new StreamUpdate.Trades(new ArrayList<>(buffer), dropped);
            buffer.clear();
            dropped = 0;
            return Optional.of(update);
        }

        @Override
        public void close() {
            Subscription s = tape;
            if (s != null) {
                s.close();
            }
        }
    }
}
