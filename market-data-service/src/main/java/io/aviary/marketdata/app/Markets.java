package io.aviary.marketdata.app;

import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Turns request names into connectors, pairs and intervals, or into a 4xx that says what to fix.
 * The pairs a venue lists are cached for a few minutes, so validating a pair costs no venue call
 * on the hot path.
 */
@Service
public class Markets {

    private static final Duration PAIRS_TTL = Duration.ofMinutes(5);

    private record Listed(Set<TradingPair> pairs, Instant fetched) {
    }

    private final ConnectorRegistry registry;
    private final Clock clock;
    private final ConcurrentHashMap<String, Listed> listed = new ConcurrentHashMap<>();

    public Markets(ConnectorRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public ConnectorFactory connector(String name) {
        return registry.find(name).orElseThrow(() -> new NotFound("Connector '" + name
                + "' not found. GET /connectors/ lists the available connectors."));
    }

    /** A pair the connector lists: 400 for a malformed name, 404 for one the venue does not list. */
    public TradingPair pair(ConnectorFactory connector, String raw) {
        TradingPair pair = parse(raw);
        if (!listedPairs(connector, false).contains(pair) && !listedPairs(connector, true).contains(pair)) {
            throw new NotFound("Trading pair '" + raw + "' not found on " + connector.spec().name()
                    + ". GET /connectors/" + connector.spec().name() + "/trading-rules lists its pairs.");
        }
        return pair;
    }

    public List<TradingPair> pairs(ConnectorFactory connector, Collection<String> raw) {
        List<TradingPair> pairs = raw.stream().map(Markets::parse).toList();
        Set<TradingPair> known = listedPairs(connector, false);
        if (!known.containsAll(pairs)) {
            known = listedPairs(connector, true);
        }
        Set<TradingPair> finalKnown = known;
        String missing = pairs.stream().filter(p -> !finalKnown.contains(p)).map(TradingPair::toString).distinct()
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw new NotFound("Trading pair(s) not found on " + connector.spec().name() + ": " + missing);
        }
        return pairs;
    }

    /** An interval Hummingbot knows and this connector serves candles at, else 400 listing the valid ones. */
    public CandleInterval interval(ConnectorFactory connector, String raw) {
        Collection<CandleInterval> served = connector.marketData().candleIntervals();
        return CandleInterval.fromWireName(raw).filter(served::contains).orElseThrow(() -> new InvalidRequest(
                "Interval '" + raw + "' is not supported by " + connector.spec().name() + ". Supported intervals: "
                        + Arrays.stream(CandleInterval.values()).filter(served::contains).map(CandleInterval::wireName)
                                .collect(Collectors.joining(", "))));
    }

    private static TradingPair parse(String raw) {
        try {
            return TradingPair.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
    }

    /** Every pair the venue lists (cached as for validation). */
    public Set<TradingPair> listedPairs(ConnectorFactory connector) {
        return listedPairs(connector, false);
    }

    /** The venue's pairs, cached; {@code fresh} re-reads them unless they were read in the last few seconds. */
    private Set<TradingPair> listedPairs(ConnectorFactory connector, boolean fresh) {
        String name = connector.spec().name();
        Instant now = clock.instant();
        Listed cached = listed.get(name);
        boolean stale = cached == null || cached.fetched().plus(PAIRS_TTL).isBefore(now)
                || (fresh && cached.fetched().plusSeconds(10).isBefore(now));
        if (stale) {
            cached = new Listed(Set.copyOf(connector.marketData().tradingRules().keySet()), now);
            listed.put(name, cached);
        }
        return cached.pairs();
    }
}
