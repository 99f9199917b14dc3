package io.aviary.archive.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Performance of a bot from its fills, computed in one pass over fills in time order: a {@link MarketBook} per
 * (connector, trading pair) and, for the requested page of fills only, a row of the running figures after each
 * fill. Memory is one book per market plus the page, whatever the number of fills.
 */
public final class Performance {

    private final Map<Fill.Market, MarketBook> books = new LinkedHashMap<>();
    private final PageRequest page;
    private final List<Row> rows = new ArrayList<>();
    private long seen;

    public Performance(PageRequest page) {
        this.page = page;
    }

    /**
     * Continues from books taken after {@code seenBefore} fills (a stored checkpoint): the next accepted fill is fill
     * number {@code seenBefore} in time order, and rows are kept for the page as if every fill had been streamed.
     */
    public static Performance resumed(PageRequest page, List<MarketBook.State> booksBefore, long seenBefore) {
        Performance performance = new Performance(page);
        booksBefore.forEach(state -> performance.books.put(state.market(), MarketBook.restore(state)));
        performance.seen = seenBefore;
        return performance;
    }

    /** The totals of every fill (stored final books) with the rows of {@code page} worked out separately. */
    public static Performance of(List<MarketBook.State> finalBooks, long totalTrades, PageRequest page,
            List<Row> pageRows) {
        Performance performance = resumed(page, finalBooks, totalTrades);
        performance.rows.addAll(pageRows);
        return performance;
    }

    /** Whether the page still needs rows: past its end, streaming further only moves the totals. */
    public boolean pageComplete() {
        return rows.size() >= page.limit();
    }

    /** Every market's book as it stands (in order of first fill). */
    public List<MarketBook.State> states() {
        return books.values().stream().map(MarketBook::state).toList();
    }

    /** Books the next fill (time order). */
    public void accept(Fill fill) {
        MarketBook book = books.computeIfAbsent(fill.market(), MarketBook::new);
        book.apply(fill);
        if (seen >= page.offset() && rows.size() < page.limit()) {
            rows.add(Row.after(fill, book));
        }
        seen++;
    }

    public long totalTrades() {
        return seen;
    }

    public List<MarketBook> markets() {
        return List.copyOf(books.values());
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public PageRequest page() {
        return page;
    }

    /** Realized PnL of every market. */
    public BigDecimal realized() {
        return sum(MarketBook::realized);
    }

    /** Every market's open position marked at its last fill price (the archive holds no later price). */
    public BigDecimal unrealized() {
        return sum(book -> book.unrealizedAt(book.lastPrice()));
    }

    public BigDecimal fees() {
        return sum(MarketBook::fees);
    }

    public BigDecimal volumeQuote() {
        return sum(MarketBook::volumeQuote);
    }

    /** Realized + unrealized − fees. */
    public BigDecimal netPnl() {
        return realized().add(unrealized()).subtract(fees());
    }

    /** Sum of base positions over markets (Hummingbot's {@code final_net_position}; mixes assets across pairs). */
    public BigDecimal netPosition() {
        return sum(MarketBook::position);
    }

    private BigDecimal sum(java.util.function.Function<MarketBook, BigDecimal> figure) {
        return books.values().stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The running figures of a fill's market right after it, marked at the fill's price. */
    public record Row(long timestampMs, BigDecimal price, BigDecimal amount, String tradeType, String tradingPair,
            String connectorName, BigDecimal buyAveragePrice, BigDecimal buyVolume, BigDecimal sellAveragePrice,
            BigDecimal sellVolume, BigDecimal netPosition, BigDecimal entryPrice, BigDecimal realizedPnlFraction,
            BigDecimal realizedPnlQuote, BigDecimal unrealizedPnlFraction, BigDecimal unrealizedPnlQuote,
            BigDecimal feeQuote, BigDecimal cumFeesQuote, BigDecimal netPnlQuote, BigDecimal volumeQuote,
            BigDecimal cumVolumeQuote) {

        static Row after(Fill fill, MarketBook book) {
            BigDecimal unrealized = book.unrealizedAt(fill.price());
            return new Row(fill.timestampMs(), fill.price(), fill.amount(), fill.buy() ? "BUY" : "SELL",
                    fill.tradingPair(), fill.connectorName(), book.buyAveragePrice(), book.buyVolume(),
                    book.sellAveragePrice(), book.sellVolume(), book.position(), book.entryPrice(),
                    book.realizedFraction(), book.realized(), book.unrealizedFractionAt(fill.price()), unrealized,
                    fill.feeQuote(), book.fees(), book.realized().add(unrealized).subtract(book.fees()),
                    fill.price().multiply(fill.amount()), book.volumeQuote());
        }
    }
}
