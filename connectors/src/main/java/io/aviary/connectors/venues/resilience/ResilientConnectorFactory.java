package io.aviary.connectors.venues.resilience;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import java.util.Map;

/** Wraps any {@link ConnectorFactory} so its market data and every session share one {@link VenueResilience}. */
public final class ResilientConnectorFactory implements ConnectorFactory {

    private final ConnectorFactory delegate;
    private final VenueResilience resilience;
    private volatile MarketDataConnector marketData;

    public ResilientConnectorFactory(ConnectorFactory delegate, VenueResilience resilience) {
        this.delegate = delegate;
        this.resilience = resilience;
    }

    public static ConnectorFactory wrap(ConnectorFactory delegate, ResiliencePolicy policy) {
        return new ResilientConnectorFactory(delegate, new VenueResilience(delegate.spec().name(), policy));
    }

    public VenueResilience resilience() {
        return resilience;
    }

    @Override
    public ConnectorSpec spec() {
        return delegate.spec();
    }

    @Override
    public MarketDataConnector marketData() {
        MarketDataConnector m = marketData;
        if (m == null) {
            synchronized (this) {
                if (marketData == null) {
                    marketData = new ResilientMarketDataConnector(delegate.marketData(), resilience);
                }
                m = marketData;
            }
        }
        return m;
    }

    @Override
    public TradingConnector trading(Map<String, String> credentials) {
        return new ResilientTradingConnector(delegate.trading(credentials), resilience);
    }
}
