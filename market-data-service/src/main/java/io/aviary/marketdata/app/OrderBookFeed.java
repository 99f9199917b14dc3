package io.aviary.marketdata.app;

import io.aviary.connectors.model.OrderBookDiff;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.port.OrderBookListener;
import io.aviary.connectors.port.Subscription;
import io.aviary.kit.failure.Unavailable;
import io.aviary.marketdata.domain.BookView;
import io.aviary.marketdata.domain.FeedKey;
import io.aviary.marketdata.domain.LocalOrderBook;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live order book of one pair: the venue's snapshot, then its diffs, each checked against the
 * book's own sequence. On a gap the feed owns the resync: it subscribes again (which brings a fresh
 * snapshot) and drops the old subscription; until the snapshot arrives, readers wait (bounded).
 */
public final class OrderBookFeed implements Feed, OrderBookListener {

    private static final Logger log = LoggerFactory.getLogger(OrderBookFeed.class);

    private final FeedKey.OrderBook key;
    private final Function<OrderBookListener, Subscription> subscribe;
    private final Executor executor;
    private final LocalOrderBook book;
    private final AtomicLong resyncs = new AtomicLong();
    private final Object synced = new Object();
    private volatile Subscription subscription;
    private volatile boolean closed;

    /**
     * @param subscribe opens the venue's book stream for this pair with the given listener
     * @param executor  where resyncs run (never on the stream's own thread)
     */
    OrderBookFeed(FeedKey.OrderBook key, Function<OrderBookListener, Subscription> subscribe, Executor executor) {
        this.key = key;
        this.subscribe = subscribe;
        this.executor = executor;
        this.book = new LocalOrderBook(key.pair());
    }

    @Override
    public String type() {
        return "order_book";
    }

    @Override
    public String config() {
        return "('" + key.connector() + "', '" + key.pair() + "')";
    }

    /** Subscribes; an unknown pair fails here, synchronously. */
    void start() {
        subscription = subscribe.apply(this);
    }

    public FeedKey.OrderBook key() {
        return key;
    }

    /** The book now when it is in sync with the venue, without waiting. */
    public Optional<BookView> current() {
        return book.isSynced() ? Optional.of(book.view()) : Optional.empty();
    }

    /** Whether the venue stream is open (the feed is not closed and holds a subscription). */
    public boolean streaming() {
        return !closed && subscription != null;
    }

    /**
     * Drops the stream and subscribes afresh (which brings a new snapshot), then waits up to {@code timeout} for the
     * book to be in sync again: {@code POST /market-data/order-book/restart} for a book that looks stale.
     */
    void restart(Duration timeout) {
        book.markUnsynced();
        Subscription old = subscription;
        subscription = subscribe.apply(this);
        if (old != null) {
            old.close();
        }
        view(timeout);
    }

    /** How many times a sequence gap made this feed resubscribe. */
    public long resyncs() {
        return resyncs.get();
    }

    /** The current book, waiting up to {@code timeout} for it to be in sync. */
    BookView view(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (synced) {
            while (!book.isSynced()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    throw new Unavailable("The order book of " + key.connector() + " " + key.pair()
                            + " is not in sync with the venue yet (waited " + timeout.toSeconds() + " s); retry shortly.");
                }
                try {
                    synced.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Unavailable("Interrupted while waiting for the order book");
                }
            }
            return book.view();
        }
    }

    @Override
    public void onSnapshot(OrderBookSnapshot snapshot) {
        book.applySnapshot(snapshot);
        synchronized (synced) {
            synced.notifyAll();
        }
    }

    @Override
    public void onDiff(OrderBookDiff diff) {
        if (book.applyDiff(diff) == LocalOrderBook.DiffOutcome.GAP) {
            log.info("Order book {} {}: sequence gap at {} (diff {}..{}), resyncing", key.connector(), key.pair(),
                    book.sequence(), diff.firstSequence(), diff.lastSequence());
            resync();
        }
    }

    @Override
    public void onDisconnect(Throwable cause) {
        book.markUnsynced(); // the connector reconnects and sends a snapshot
    }

    private void resync() {
        resyncs.incrementAndGet();
        executor.execute(this::resubscribeUntilDone);
    }

    /** Subscribes again (the fresh subscription brings a snapshot); retries every second while the venue fails. */
    private void resubscribeUntilDone() {
        while (!closed) {
            try {
                Subscription old = subscription;
                subscription = subscribe.apply(this);
                if (old != null) {
                    old.close();
                }
                return;
            } catch (RuntimeException e) {
                log.warn("Order book {} {}: resync failed, retrying in 1 s: {}", key.connector(), key.pair(),
                        e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
        synchronized (synced) {
            synced.notifyAll();
        }
    }
}
