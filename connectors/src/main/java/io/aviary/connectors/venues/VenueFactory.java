package io.aviary.connectors.venues;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** A {@link ConnectorFactory} from a spec, a lazily made shared market-data client and a session maker. */
final class VenueFactory implements ConnectorFactory {

    private final ConnectorSpec spec;
    private final Supplier<MarketDataConnector> marketDataMaker;
    private final Function<Map<String, String>, TradingConnector> sessionMaker;
    private volatile MarketDataConnector marketData;

    VenueFactory(ConnectorSpec spec, Supplier<MarketDataConnector> marketDataMaker,
            Function<Map<String, String>, TradingConnector> sessionMaker) {
        this.spec = spec;
        this.marketDataMaker = marketDataMaker;
        this.sessionMaker = sessionMaker;
    }

    @Override
    public ConnectorSpec spec() {
        return spec;
    }

    @Override
    public MarketDataConnector marketData() {
        MarketDataConnector m = marketData;
        if (m == null) {
            synchronized (this) {
                if (marketData == null) {
                    marketData = marketDataMaker.get();
                }
                m = marketData;
            }
        }
        return m;
    }

    @Override
    public TradingConnector trading(Map<String, String> credentials) {
        return sessionMaker.apply(credentials == null ? Map.of() : credentials);
    }
}
