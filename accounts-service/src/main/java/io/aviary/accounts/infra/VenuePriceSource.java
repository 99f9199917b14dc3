package io.aviary.accounts.infra;

import io.aviary.accounts.domain.portfolio.PriceSource;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.registry.ConnectorRegistry;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last prices from the connector's own public market data, one request for all markets of a
 * snapshot, bounded in time. A slow or failing venue means no prices (the tokens are valued at 0)
 * and a warning, never a stuck event consumer.
 */
final class VenuePriceSource implements PriceSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VenuePriceSource.class);

    private final ConnectorRegistry registry;
    private final BoundedCall bounded;

    VenuePriceSource(ConnectorRegistry registry, BoundedCall bounded) {
        this.registry = registry;
        this.bounded = bounded;
    }

    @Override
    public Map<String, BigDecimal> lastPrices(String connector, Set<String> markets) {
        Optional<ConnectorFactory> factory = registry.find(connector);
        List<TradingPair> pairs = markets.stream().flatMap(m -> pair(m).stream()).toList();
        if (factory.isEmpty() || pairs.isEmpty()) {
            if (factory.isEmpty()) {
                log.warn("No connector '{}' in this build: its balances are valued at 0", connector);
            }
            return Map.of();
        }
        try {
            Map<TradingPair, BigDecimal> prices = bounded.call(() -> factory.get().marketData().lastPrices(pairs));
            Map<String, BigDecimal> byMarket = new LinkedHashMap<>();
            prices.forEach((pair, price) -> byMarket.put(pair.toString(), price));
            return byMarket;
        } catch (TimeoutException e) {
            log.warn("Prices of {} on {} took longer than {} ms: valued at 0", markets, connector, bounded.bound().toMillis());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("Prices of {} on {} failed ({}: {}): valued at 0", markets, connector,
                    cause.getClass().getSimpleName(), cause.getMessage());
        }
        return Map.of();
    }

    /** Tokens that cannot form a pair (odd characters) are simply not priced. */
    private static Optional<TradingPair> pair(String market) {
        try {
            return Optional.of(TradingPair.parse(market));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        bounded.close();
    }
}
