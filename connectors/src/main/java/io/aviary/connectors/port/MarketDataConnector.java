package io.aviary.connectors.port;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.FundingRate;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Public data of one venue; needs no credentials. All methods throw {@link VenueException}. */
public interface MarketDataConnector {

    String name();

    /** Rules of every pair the venue lists. */
    Map<TradingPair, TradingRule> tradingRules();

    /** Last traded price per pair; pairs the venue does not list are absent from the result. */
    Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs);

    OrderBookSnapshot orderBook(TradingPair pair, int depth);

    /** Live book: a snapshot, then sequenced diffs; resyncs itself on a gap or reconnect. */
    Subscription subscribeOrderBook(TradingPair pair, OrderBookListener listener);

    Subscription subscribeTrades(TradingPair pair, Consumer<PublicTrade> listener);

    /**
     * Candles whose open time lies in {@code [start, end)}, oldest first, at most {@code limit}.
     * Implementations page through the venue's per-request maximum.
     */
    List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit);

    /** Intervals this venue serves candles for. */
    Collection<CandleInterval> candleIntervals();

    /** @throws VenueException.Unsupported on a spot venue */
    FundingInfo fundingInfo(TradingPair pair);

    /**
     * Past funding events with funding time in {@code [start, end)}, oldest first, at most {@code limit};
     * implementations page through the venue's per-request maximum.
     *
     * @throws VenueException.Unsupported on a spot venue, or a perpetual one whose adapter has no public
     *     funding-rate history (never an empty list standing in for "unknown")
     */
    default List<FundingRate> fundingRates(TradingPair pair, Instant start, Instant end, int limit) {
        throw new VenueException.Unsupported(name(), "funding-rate history is not available from " + name());
    }
}
