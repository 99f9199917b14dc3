package io.aviary.marketdata.app;

import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Last prices, funding info and which connectors serve candles. */
@Service
public class QuoteService {

    private final Markets markets;
    private final ConnectorRegistry registry;

    public QuoteService(Markets markets, ConnectorRegistry registry) {
        this.markets = markets;
        this.registry = registry;
    }

    /** Last traded price per requested pair, in request order; a pair the venue does not price is a 404. */
    public Map<TradingPair, BigDecimal> prices(String connectorName, Collection<String> pairs) {
        ConnectorFactory connector = markets.connector(connectorName);
        if (pairs.isEmpty()) {
            return Map.of(); // as the original: no pairs asked, no prices (an unknown connector is still 404)
        }
        List<TradingPair> wanted = markets.pairs(connector, pairs);
        Map<TradingPair, BigDecimal> prices = connector.marketData().lastPrices(wanted);
        String unpriced = wanted.stream().filter(p -> !prices.containsKey(p)).map(TradingPair::toString)
                .collect(Collectors.joining(", "));
        if (!unpriced.isEmpty()) {
            throw new NotFound(connectorName + " has no last price for: " + unpriced);
        }
        Map<TradingPair, BigDecimal> ordered = new LinkedHashMap<>();
        wanted.forEach(p -> ordered.put(p, prices.get(p)));
        return ordered;
    }

    public FundingInfo funding(String connectorName, String pair) {
        ConnectorFactory connector = markets.connector(connectorName);
        if (!connector.spec().perpetual()) {
            throw new InvalidRequest("Funding info is only available for perpetual trading pairs.");
        }
        try {
            return connector.marketData().fundingInfo(markets.pair(connector, pair));
        } catch (VenueException.Unsupported e) {
            throw new InvalidRequest("Funding info is not supported by " + connectorName + ": " + e.getMessage());
        }
    }

    /** Connectors that serve candles, by name. */
    public List<String> candleConnectors() {
        return registry.catalog().all().stream().map(spec -> spec.name()).sorted()
                .filter(name -> registry.find(name).map(f -> !candleIntervals(f).isEmpty()).orElse(false)).toList();
    }

    private static Collection<CandleInterval> candleIntervals(ConnectorFactory f) {
        return f.marketData().candleIntervals();
    }
}
