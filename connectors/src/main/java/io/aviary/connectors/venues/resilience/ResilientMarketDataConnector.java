package io.aviary.connectors.venues.resilience;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.FundingRate;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.OrderBookListener;
import io.aviary.connectors.port.Subscription;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Any {@link MarketDataConnector} behind a venue's {@link VenueResilience}: every call is a safe read. */
public final class ResilientMarketDataConnector implements MarketDataConnector {

    private final MarketDataConnector delegate;
    private final VenueResilience resilience;

    public ResilientMarketDataConnector(MarketDataConnector delegate, VenueResilience resilience) {
        this.delegate = delegate;
        this.resilience = resilience;
    }

    public MarketDataConnector delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        return resilience.read(delegate::tradingRules);
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        return resilience.read(() -> delegate.lastPrices(pairs));
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        return resilience.read(() -> delegate.orderBook(pair, depth));
    }

    @Override
    public Subscription subscribeOrderBook(TradingPair pair, OrderBookListener listener) {
        return delegate.subscribeOrderBook(pair, listener);
    }

    @Override
    public Subscription subscribeTrades(TradingPair pair, Consumer<PublicTrade> listener) {
        return delegate.subscribeTrades(pair, listener);
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        return resilience.read(() -> delegate.candles(pair, interval, start, end, limit));
    }

    @Override
    public Collection<CandleInterval> candleIntervals() {
        return delegate.candleIntervals();
    }

    @Override
    public FundingInfo fundingInfo(TradingPair pair) {
        return resilience.read(() -> delegate.fundingInfo(pair));
    }

    @Override
    public List<FundingRate> fundingRates(TradingPair pair, Instant start, Instant end, int limit) {
        return resilience.read(() -> delegate.fundingRates(pair, start, end, limit));
    }
}
