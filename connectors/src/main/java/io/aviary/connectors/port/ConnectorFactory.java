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

    /**
     * A new authenticated session for {@code accountName}. Venues identify the account by its
     * credentials alone; paper-trading connectors have no credentials and keep their virtual
     * balances per account, so they override this. Services that host sessions call this one.
     */
    default TradingConnector trading(String accountName, Map<String, String> credentials) {
        return trading(credentials);
    }
}
