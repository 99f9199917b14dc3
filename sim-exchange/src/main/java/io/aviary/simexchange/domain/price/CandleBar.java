package io.aviary.simexchange.domain.price;

/**
 * One OHLCV bar in raw units: prices as doubles, base volumes in lots of the market's step size
 * (integers, so bars of different intervals add up exactly), quote volumes as doubles.
 * {@code openTime} is epoch seconds.
 */
public record CandleBar(long openTime, double open, double high, double low, double close, long volumeLots,
        double quoteVolume, long trades, long takerBuyLots, double takerBuyQuoteVolume) {

    /** This bar followed by {@code later}, as one bar starting at this bar's open time. */
    public CandleBar merge(CandleBar later) {
        return new CandleBar(openTime, open, Math.max(high, later.high), Math.min(low, later.low), later.close,
                volumeLots + later.volumeLots, quoteVolume + later.quoteVolume, trades + later.trades,
                takerBuyLots + later.takerBuyLots, takerBuyQuoteVolume + later.takerBuyQuoteVolume);
    }

    public CandleBar at(long time) {
        return new CandleBar(time, open, high, low, close, volumeLots, quoteVolume, trades, takerBuyLots,
                takerBuyQuoteVolume);
    }
}
