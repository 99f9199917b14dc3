package io.aviary.simexchange.domain.book;

import io.aviary.simexchange.domain.book.BookOrder.Level;

/**
 * A price-time priority limit order book on scaled longs (prices in ticks, amounts in lots; the
 * market's {@code MarketRules} converts to decimals at the boundary). Orders at a better price
 * trade first; at one price, earlier orders trade first. Single-threaded: the venue serialises
 * all commands of one market.
 *
 * <p>Every mutation (an order resting, a cancel, an execution against a resting order) advances
 * {@link #sequence()} by one, and the touched price levels are remembered until
 * {@link #drainChanges} reports them, which is how the venue builds sequenced book diffs.
 */
public final class OrderBook {

    /** Limit for a market buy: trade at any price. */
    public static final long ANY_PRICE_BUY = Long.MAX_VALUE;
    /** Limit for a market sell: trade at any price. */
    public static final long ANY_PRICE_SELL = Long.MIN_VALUE;

    private final BookSide bids = new BookSide(true);
    private final BookSide asks = new BookSide(false);
    private final LongObjectMap<BookOrder> index = new LongObjectMap<>(1 << 14);
    private long sequence;
    private final TouchList touchedBids = new TouchList();
    private final TouchList touchedAsks = new TouchList();

    public long sequence() {
        return sequence;
    }

    public int orderCount() {
        return index.size();
    }

    public BookOrder order(long id) {
        return index.get(id);
    }

    /**
     * Matches an incoming order against the opposite side while prices cross {@code limit}.
     *
     * @return the lots left unfilled
     */
    public long match(boolean buy, long limit, long lots, MatchSink sink) {
        BookSide opposite = buy ? asks : bids;
        while (lots > 0) {
            Level level = opposite.best();
            if (level == null || (buy ? level.price > limit : level.price < limit)) {
                break;
            }
            lots = takeFromLevel(level, lots, sink);
            touch(!buy, level.price);
            if (level.count == 0) {
                opposite.remove(level);
            }
        }
        return lots;
    }

    private long takeFromLevel(Level level, long lots, MatchSink sink) {
        BookOrder maker = level.head;
        while (maker != null && lots > 0) {
            long q = Math.min(lots, maker.remaining);
            maker.remaining -= q;
            level.total -= q;
            lots -= q;
            sequence++;
            BookOrder next = maker.next;
            if (maker.remaining == 0) {
                level.unlink(maker);
                index.remove(maker.id);
            }
            sink.onTrade(maker, level.price, q);
            maker = next;
        }
        return lots;
    }

    /** Adds a resting order at the back of its price level's queue. The caller ensures it does not cross. */
    public BookOrder rest(long id, long owner, boolean buy, long price, long lots, Object payload) {
        BookOrder order = new BookOrder(id, owner, buy, price, lots, payload);
        (buy ? bids : asks).getOrCreate(price).append(order);
        index.put(id, order);
        sequence++;
        touch(buy, price);
        return order;
    }

    /** Removes a resting order; null when it is not in the book (already filled or cancelled). */
    public BookOrder cancel(long id) {
        BookOrder order = index.remove(id);
        if (order == null) {
            return null;
        }
        Level level = order.level;
        level.unlink(order);
        if (level.count == 0) {
            (order.buy ? bids : asks).remove(level);
        }
        sequence++;
        touch(order.buy, order.price);
        return order;
    }

    /** Whether a limit order at {@code price} would trade on arrival (what post-only refuses). */
    public boolean crosses(boolean buy, long price) {
        Level best = (buy ? asks : bids).best();
        return best != null && (buy ? price >= best.price : price <= best.price);
    }

    /** Best bid in ticks, or 0 when there is none. */
    public long bestBid() {
        Level best = bids.best();
        return best == null ? 0 : best.price;
    }

    /** Best ask in ticks, or 0 when there is none. */
    public long bestAsk() {
        Level best = asks.best();
        return best == null ? 0 : best.price;
    }

    public int levelCount(boolean bidSide) {
        return (bidSide ? bids : asks).size();
    }

    /** Total lots resting at a price (0 when none). */
    public long lotsAt(boolean bidSide, long price) {
        Level level = (bidSide ? bids : asks).find(price);
        return level == null ? 0 : level.total;
    }

    /** Walks one side best first; the consumer may stop early. */
    public void levels(boolean bidSide, int maxLevels, LevelConsumer consumer) {
        BookSide side = bidSide ? bids : asks;
        int n = Math.min(maxLevels, side.size());
        for (int i = 0; i < n; i++) {
            Level level = side.fromBest(i);
            if (!consumer.accept(level.price, level.total)) {
                return;
            }
        }
    }

    /**
     * Reports every level touched since the last drain with its current total (0 = level gone),
     * each price once, best first, and forgets them.
     */
    public void drainChanges(LevelConsumer bidChanges, LevelConsumer askChanges) {
        touchedBids.drain(true, p -> bidChanges.accept(p, lotsAt(true, p)));
        touchedAsks.drain(false, p -> askChanges.accept(p, lotsAt(false, p)));
    }

    /** Forgets touched levels without reporting them (benchmarks, bulk loads). */
    public void discardChanges() {
        touchedBids.clear();
        touchedAsks.clear();
    }

    private void touch(boolean bidSide, long price) {
        (bidSide ? touchedBids : touchedAsks).add(price);
    }
}
