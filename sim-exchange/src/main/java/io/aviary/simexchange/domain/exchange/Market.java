package io.aviary.simexchange.domain.exchange;

import io.aviary.simexchange.domain.book.OrderBook;
import io.aviary.simexchange.domain.event.BookLevel;
import io.aviary.simexchange.domain.event.BookSnapshot;
import io.aviary.simexchange.domain.event.PublicTrade;
import io.aviary.simexchange.domain.model.MarketRules;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** One market of a venue: its rules, its book, and its public tape. */
public final class Market {

    private static final int TAPE_SIZE = 1000;

    private final MarketRules rules;
    private final OrderBook book = new OrderBook();
    private final ArrayDeque<PublicTrade> tape = new ArrayDeque<>();
    private long publishedSequence;
    private long nextTradeId;
    private BigDecimal lastPrice;

    Market(MarketRules rules, long firstTradeId) {
        this.rules = rules;
        this.nextTradeId = firstTradeId;
    }

    public MarketRules rules() {
        return rules;
    }

    public String symbol() {
        return rules.symbol();
    }

    OrderBook book() {
        return book;
    }

    public long sequence() {
        return book.sequence();
    }

    public Optional<BigDecimal> lastPrice() {
        return Optional.ofNullable(lastPrice);
    }

    public Optional<BigDecimal> bestBid() {
        long p = book.bestBid();
        return p == 0 ? Optional.empty() : Optional.of(rules.price(p));
    }

    public Optional<BigDecimal> bestAsk() {
        long p = book.bestAsk();
        return p == 0 ? Optional.empty() : Optional.of(rules.price(p));
    }

    public int orderCount() {
        return book.orderCount();
    }

    public int levelCount(boolean bids) {
        return book.levelCount(bids);
    }

    public BookSnapshot snapshot(int depth, long now) {
        return new BookSnapshot(rules.symbol(), book.sequence(), now, levels(true, depth), levels(false, depth));
    }

    private List<BookLevel> levels(boolean bids, int depth) {
        List<BookLevel> out = new ArrayList<>(Math.min(depth, 256));
        book.levels(bids, depth, (p, q) -> out.add(new BookLevel(rules.price(p), rules.amount(q))));
        return out;
    }

    /** What a market order of {@code lots} would execute against now. */
    public Sweep sweep(boolean buy, long lots) {
        long[] left = {lots};
        BigDecimal[] notional = {BigDecimal.ZERO};
        book.levels(!buy, Integer.MAX_VALUE, (p, q) -> {
            long take = Math.min(q, left[0]);
            notional[0] = notional[0].add(rules.price(p).multiply(rules.amount(take)));
            left[0] -= take;
            return left[0] > 0;
        });
        long filled = lots - left[0];
        return new Sweep(filled, rules.amount(filled), notional[0]);
    }

    /** Newest first. */
    public List<PublicTrade> recentTrades(int limit) {
        List<PublicTrade> out = new ArrayList<>(Math.min(limit, tape.size()));
        Iterator<PublicTrade> it = tape.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            out.add(it.next());
        }
        return out;
    }

    long nextTradeId() {
        return nextTradeId++;
    }

    void recordTrade(PublicTrade trade) {
        lastPrice = trade.price();
        tape.addLast(trade);
        if (tape.size() > TAPE_SIZE) {
            tape.removeFirst();
        }
    }

    long publishedSequence() {
        return publishedSequence;
    }

    void published(long sequence) {
        publishedSequence = sequence;
    }
}
