package io.aviary.connectors.port;

import io.aviary.connectors.catalog.ConnectorSpec;
import java.util.Map;

/** Makes the sessions of one connector. Implementations are thread-safe. */
public interface ConnectorFactory {

    ConnectorSpec spec();

    /** The shared public-data client of this venue. */
    MarketDataConnector marketData();

    /**
     * A new authenticated session.
     *
     * @param credentials field → value, exactly the spec's config fields
     */
    TradingConnector trading(Map<String, String> credentials);
}
