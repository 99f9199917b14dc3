package io.aviary.marketdata.app;

import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.marketdata.domain.CandleBar;
import java.util.List;

/** One push of a market stream: what changed since the previous push of the same stream. */
public sealed interface StreamUpdate {

    /** The whole window: first push, and whenever a new candle has opened. */
    record Candles(List<CandleBar> candles) implements StreamUpdate {
    }

    /** Only the candle in progress changed. */
    record CandleUpdate(CandleBar candle) implements StreamUpdate {
    }

    /** The book now, best levels first. */
    record OrderBook(List<PriceLevel> bids, List<PriceLevel> asks) implements StreamUpdate {
    }

    /** The trades printed since the previous push; {@code dropped} older ones did not fit the stream's buffer. */
    record Trades(List<PublicTrade> trades, long dropped) implements StreamUpdate {
    }
}
