package io.aviary.trading.app;

import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.kit.failure.Unavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Trading rules per connector, loaded from the venue's public data and kept for a while: rules
 * change rarely and every order needs them, so placing an order costs no extra venue call.
 */
@Component
public class TradingRulesCache {

    static final Duration TTL = Duration.ofMinutes(10);

    private record Entry(Map<TradingPair, TradingRule> rules, Instant loadedAt) {
    }

    private final ConnectorRegistry registry;
    private final Clock clock;
    private final Map<String, Entry> byConnector = new ConcurrentHashMap<>();

    public TradingRulesCache(ConnectorRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** @throws Unavailable when the venue cannot be asked and nothing is cached */
    public Map<TradingPair, TradingRule> rules(String connector) {
        Entry cached = byConnector.get(connector);
        if (cached != null && cached.loadedAt().plus(TTL).isAfter(clock.instant())) {
            return cached.rules();
        }
        try {
            Map<TradingPair, TradingRule> rules = Map.copyOf(registry.find(connector).orElseThrow().marketData().tradingRules());
            byConnector.put(connector, new Entry(rules, clock.instant()));
            return rules;
        } catch (VenueException e) {
            if (cached != null) {
                return cached.rules(); // stale rules beat refusing every order while the venue's public API hiccups
            }
            throw new Unavailable("Trading rules not yet loaded for " + connector
                    + ". Please try again in a moment. (" + e.getMessage() + ")");
        }
    }

    /** The pair's last traded price, for a MARKET order's notional check; empty when the venue has none. */
    public java.util.Optional<java.math.BigDecimal> lastPrice(String connector, TradingPair pair) {
        try {
            return java.util.Optional.ofNullable(registry.find(connector).orElseThrow().marketData()
                    .lastPrices(java.util.List.of(pair)).get(pair));
        } catch (VenueException e) {
            return java.util.Optional.empty();
        }
    }
}
