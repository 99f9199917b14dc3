package io.aviary.marketdata.domain;

import io.aviary.connectors.model.Candle;

/**
 * One candle as Hummingbot serves it: open time in epoch seconds and the nine value columns as
 * doubles. Hummingbot keeps candles in a float DataFrame and clients read them as floats, so doubles
 * lose nothing the contract promises and keep a year of 1m candles cheap to store and stream.
 */
public record CandleBar(long timestamp, double open, double high, double low, double close, double volume,
        double quoteAssetVolume, double trades, double takerBuyBaseVolume, double takerBuyQuoteVolume) {

    public static CandleBar of(Candle c) {
        return new CandleBar(c.openTime().getEpochSecond(), c.open().doubleValue(), c.high().doubleValue(),
                c.low().doubleValue(), c.close().doubleValue(), c.volume().doubleValue(),
                c.quoteAssetVolume().doubleValue(), c.trades(), c.takerBuyBaseVolume().doubleValue(),
                c.takerBuyQuoteVolume().doubleValue());
    }

    /** This candle with one more trade on the tape merged in (the trade lies inside the candle). */
    public CandleBar withTrade(double price, double amount, boolean takerBuy) {
        double quote = price * amount;
        return new CandleBar(timestamp, open, Math.max(high, price), Math.min(low, price), price, volume + amount,
                quoteAssetVolume + quote, trades + 1, takerBuyBaseVolume + (takerBuy ? amount : 0),
                takerBuyQuoteVolume + (takerBuy ? quote : 0));
    }
}
