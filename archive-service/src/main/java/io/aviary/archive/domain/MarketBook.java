package io.aviary.archive.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The running account of one market's fills, in the quote asset, by the average-cost method: a fill that adds to the
 * position moves its average entry price; a fill against it realizes {@code (price − entry) × closed amount} (sign of
 * the position) and, if it crosses zero, opens the rest at its own price. Unrealized PnL marks the open position at a
 * price. Fees are summed as recorded ({@code trade_fee_in_quote}). Mutable, used by one thread.
 */
public final class MarketBook {

    private static final MathContext MATH = MathContext.DECIMAL128;

    private final Fill.Market market;
    private long trades;
    private BigDecimal buyVolume = BigDecimal.ZERO;
    private BigDecimal buyNotional = BigDecimal.ZERO;
    private BigDecimal sellVolume = BigDecimal.ZERO;
    private BigDecimal sellNotional = BigDecimal.ZERO;
    private BigDecimal position = BigDecimal.ZERO;
    private BigDecimal entryPrice = BigDecimal.ZERO;
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal closedCost = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal volumeQuote = BigDecimal.ZERO;
    private BigDecimal lastPrice = BigDecimal.ZERO;

    public MarketBook(Fill.Market market) {
        this.market = market;
    }

    /**
     * Everything a book has accounted, exactly: stored when an archive is indexed so that performance is answered
     * without reading the fills again, and restored to continue from there.
     */
    public record State(Fill.Market market, long trades, BigDecimal buyVolume, BigDecimal buyNotional,
            BigDecimal sellVolume, BigDecimal sellNotional, BigDecimal position, BigDecimal entryPrice,
            BigDecimal realized, BigDecimal closedCost, BigDecimal fees, BigDecimal volumeQuote, BigDecimal lastPrice) {
    }

    public State state() {
        return new State(market, trades, buyVolume, buyNotional, sellVolume, sellNotional, position, entryPrice,
                realized, closedCost, fees, volumeQuote, lastPrice);
    }

    /** A book that continues exactly where {@code state} was taken. */
    public static MarketBook restore(State state) {
        MarketBook book = new MarketBook(state.market());
        book.trades = state.trades();
        book.buyVolume = state.buyVolume();
        book.buyNotional = state.buyNotional();
        book.sellVolume = state.sellVolume();
        book.sellNotional = state.sellNotional();
        book.position = state.position();
        book.entryPrice = state.entryPrice();
        book.realized = state.realized();
        book.closedCost = state.closedCost();
        book.fees = state.fees();
        book.volumeQuote = state.volumeQuote();
        book.lastPrice = state.lastPrice();
        return book;
    }

    /** Books a fill (fills of one market must come in time order). */
    public void apply(Fill fill) {
        BigDecimal price = fill.price();
        BigDecimal amount = fill.amount();
        BigDecimal notional = price.multiply(amount);
        trades++;
        if (fill.buy()) {
            buyVolume = buyVolume.add(amount);
            buyNotional = buyNotional.add(notional);
        } else {
            sellVolume = sellVolume.add(amount);
            sellNotional = sellNotional.add(notional);
        }
        BigDecimal signed = fill.buy() ? amount : amount.negate();
        if (position.signum() == 0 || position.signum() == signed.signum()) {
            BigDecimal held = position.abs();
            entryPrice = entryPrice.multiply(held).add(notional).divide(held.add(amount), MATH);
            position = position.add(signed);
        } else {
            BigDecimal closing = position.abs().min(amount);
            realized = realized.add(price.subtract(entryPrice).multiply(closing).multiply(
                    BigDecimal.valueOf(position.signum())));
            closedCost = closedCost.add(entryPrice.multiply(closing));
            position = position.add(signed);
            if (position.signum() == 0) {
                entryPrice = BigDecimal.ZERO;
            } else if (position.signum() == signed.signum()) {
                entryPrice = price;
            }
        }
        fees = fees.add(fill.feeQuote());
        volumeQuote = volumeQuote.add(notional);
        lastPrice = price;
    }

    /** The open position marked at {@code price}. */
    public BigDecimal unrealizedAt(BigDecimal price) {
        return price.subtract(entryPrice).multiply(position);
    }

    public Fill.Market market() {
        return market;
    }

    public long trades() {
        return trades;
    }

    public BigDecimal buyVolume() {
        return buyVolume;
    }

    public BigDecimal sellVolume() {
        return sellVolume;
    }

    /** Hummingbot's {@code buy_avg_price}: all buys' notional over their volume (0 before the first buy). */
    public BigDecimal buyAveragePrice() {
        return buyVolume.signum() == 0 ? BigDecimal.ZERO : buyNotional.divide(buyVolume, MATH);
    }

    public BigDecimal sellAveragePrice() {
        return sellVolume.signum() == 0 ? BigDecimal.ZERO : sellNotional.divide(sellVolume, MATH);
    }

    /** Base amount held: positive long, negative short. */
    public BigDecimal position() {
        return position;
    }

    /** Average entry price of the open position (0 when flat). */
    public BigDecimal entryPrice() {
        return entryPrice;
    }

    public BigDecimal realized() {
        return realized;
    }

    /** Realized PnL over the entry cost of what was closed (0 before anything closed). */
    public BigDecimal realizedFraction() {
        return closedCost.signum() == 0 ? BigDecimal.ZERO : realized.divide(closedCost, MATH);
    }

    /** The open position's return at {@code price} over its entry price (0 when flat). */
    public BigDecimal unrealizedFractionAt(BigDecimal price) {
        if (position.signum() == 0 || entryPrice.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return price.subtract(entryPrice).divide(entryPrice, MATH).multiply(BigDecimal.valueOf(position.signum()));
    }

    public BigDecimal fees() {
        return fees;
    }

    public BigDecimal volumeQuote() {
        return volumeQuote;
    }

    public BigDecimal lastPrice() {
        return lastPrice;
    }

    /** A value for the wire: at most 12 decimals (half-even), without trailing zeros. */
    public static BigDecimal wire(BigDecimal value) {
        return SqliteDecimal.plain(value.setScale(12, RoundingMode.HALF_EVEN));
    }
}
