package io.aviary.connectors.paper;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <venue>_paper_trade}: the named venue's public data, with simulated fills and virtual
 * balances. Needs no credentials; sessions exist only where a {@link PaperLedger} is configured
 * (trading-service), since the balances must be stored somewhere that survives restarts.
 */
public final class PaperConnectorFactory implements ConnectorFactory {

    public static final String SUFFIX = "_paper_trade";

    private final ConnectorFactory venue;
    private final Optional<PaperLedger> ledger;
    private final PaperSettings settings;
    private final ConnectorSpec spec;

    public PaperConnectorFactory(ConnectorFactory venue, Optional<PaperLedger> ledger, PaperSettings settings) {
        if (venue.spec().perpetual()) {
            throw new IllegalArgumentException("paper trading simulates spot venues; " + venue.spec().name() + " is perpetual");
        }
        this.venue = venue;
        this.ledger = ledger;
        this.settings = settings;
        this.spec = new ConnectorSpec(venue.spec().name() + SUFFIX, List.of(), Set.of(), venue.spec().orderTypes(), false);
    }

    @Override
    public ConnectorSpec spec() {
        return spec;
    }

    @Override
    public MarketDataConnector marketData() {
        return venue.marketData();
    }

    @Override
    public TradingConnector trading(Map<String, String> credentials) {
        throw new VenueException.Unsupported(spec.name(), "a paper session belongs to an account: open it with the account name");
    }

    @Override
    public TradingConnector trading(String accountName, Map<String, String> credentials) {
        PaperLedger store = ledger.orElseThrow(() -> new VenueException.Unsupported(spec.name(),
                "paper trading sessions are hosted by trading-service"));
        return new PaperTradingConnector(new PaperAccount(accountName, spec.name()), venue.marketData(), store, settings,
                Clock.systemUTC());
    }
}
