package io.aviary.marketdata.domain;

import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradingPair;
import java.time.Instant;
import java.util.List;

/**
 * An immutable picture of a book with Hummingbot's order-book queries ({@code order_book.pyx}).
 * Every query walks one side from the best level outwards: a buy consumes asks (lowest first), a
 * sell consumes bids (highest first). Arithmetic is in doubles, like Hummingbot's, on the exact
 * levels of the book. Semantics, per query:
 * <ul>
 * <li>{@link #priceForVolume}: add level amounts until the total reaches {@code volume}; the price
 *     is that last level's price; result volume = min(total, volume); price null when the side
 *     holds less than {@code volume}.</li>
 * <li>{@link #vwapForVolume}: the average price of exactly {@code volume} taken level by level (the
 *     last level partly); null when the side holds less; result volume = min(total, volume).</li>
 * <li>{@link #priceForQuoteVolume}: as price-for-volume with price × amount summed; result volume is
 *     min(quote total, quote volume), in quote units (as Hummingbot reports it).</li>
 * <li>{@link #volumeForPrice}: total amount of the levels at or better than {@code price} (asks ≤
 *     price for a buy, bids ≥ price for a sell); result price = the worst such level, null if none.</li>
 * <li>{@link #quoteVolumeForPrice}: the same levels, summing price × amount into the quote volume
 *     (the base amount is reported as result volume too); result price null, as the original reports it.</li>
 * </ul>
 */
public final class BookView {

    private final TradingPair pair;
    private final long sequence;
    private final Instant timestamp;
    private final List<PriceLevel> bids;
    private final List<PriceLevel> asks;
    private final double[] bidPrices;
    private final double[] bidAmounts;
    private final double[] askPrices;
    private final double[] askAmounts;

    private BookView(TradingPair pair, long sequence, Instant timestamp, List<PriceLevel> bids, List<PriceLevel> asks) {
        this.pair = pair;
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.bids = List.copyOf(bids);
        this.asks = List.copyOf(asks);
        this.bidPrices = prices(bids);
        this.bidAmounts = amounts(bids);
        this.askPrices = prices(asks);
        this.askAmounts = amounts(asks);
    }

    /** @param bids best (highest) first; @param asks best (lowest) first */
    public static BookView of(TradingPair pair, long sequence, Instant timestamp, List<PriceLevel> bids,
            List<PriceLevel> asks) {
        return new BookView(pair, sequence, timestamp, bids, asks);
    }

    public TradingPair pair() {
        return pair;
    }

    public long sequence() {
        return sequence;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public List<PriceLevel> bids(int depth) {
        return bids.subList(0, Math.min(depth, bids.size()));
    }

    public List<PriceLevel> asks(int depth) {
        return asks.subList(0, Math.min(depth, asks.size()));
    }

    public BookQueryResult priceForVolume(boolean isBuy, double volume) {
        double[] prices = isBuy ? askPrices : bidPrices;
        double[] amounts = isBuy ? askAmounts : bidAmounts;
        double cumulative = 0;
        Double price = null;
        for (int i = 0; i < prices.length; i++) {
            cumulative += amounts[i];
            if (cumulative >= volume) {
                price = prices[i];
                break;
            }
        }
        return new BookQueryResult(null, volume, price, Math.min(cumulative, volume), null, null);
    }

    public BookQueryResult vwapForVolume(boolean isBuy, double volume) {
        double[] prices = isBuy ? askPrices : bidPrices;
        double[] amounts = isBuy ? askAmounts : bidAmounts;
        double cost = 0;
        double taken = 0;
        Double average = null;
        for (int i = 0; i < prices.length; i++) {
            if (taken + amounts[i] >= volume) {
                double part = volume - taken;
                cost += part * prices[i];
                taken += part;
                average = cost / taken;
                break;
            }
            cost += amounts[i] * prices[i];
            taken += amounts[i];
        }
        return new BookQueryResult(null, volume, null, Math.min(taken, volume), null, average);
    }

    public BookQueryResult priceForQuoteVolume(boolean isBuy, double quoteVolume) {
        double[] prices = isBuy ? askPrices : bidPrices;
        double[] amounts = isBuy ? askAmounts : bidAmounts;
        double cumulative = 0;
        Double price = null;
        for (int i = 0; i < prices.length; i++) {
            cumulative += amounts[i] * prices[i];
            if (cumulative >= quoteVolume) {
                price = prices[i];
                break;
            }
        }
        return new BookQueryResult(null, null, price, Math.min(cumulative, quoteVolume), null, null);
    }

    public BookQueryResult volumeForPrice(boolean isBuy, double price) {
        Walk walk = walkTo(isBuy, price);
        return new BookQueryResult(price, null, walk.lastPrice, walk.base, null, null);
    }

    public BookQueryResult quoteVolumeForPrice(boolean isBuy, double price) {
        Walk walk = walkTo(isBuy, price);
        return new BookQueryResult(price, null, null, walk.base, walk.quote, null);
    }

    private record Walk(Double lastPrice, double base, double quote) {
    }

    /** The levels at or better than {@code limit} for a taker on this side. */
    private Walk walkTo(boolean isBuy, double limit) {
        double[] prices = isBuy ? askPrices : bidPrices;
        double[] amounts = isBuy ? askAmounts : bidAmounts;
        double base = 0;
        double quote = 0;
        Double last = null;
        for (int i = 0; i < prices.length; i++) {
            if (isBuy ? prices[i] > limit : prices[i] < limit) {
                break;
            }
            base += amounts[i];
            quote += amounts[i] * prices[i];
            last = prices[i];
        }
        return new Walk(last, base, quote);
    }

    private static double[] prices(List<PriceLevel> levels) {
        double[] out = new double[levels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = levels.get(i).price().doubleValue();
        }
        return out;
    }

    private static double[] amounts(List<PriceLevel> levels) {
        double[] out = new double[levels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = levels.get(i).amount().doubleValue();
        }
        return out;
    }
}
