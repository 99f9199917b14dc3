package io.aviary.marketdata.app;

import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.paper.PaperConnectorFactory;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unavailable;
import io.aviary.marketdata.domain.ConversionPaths;
import io.aviary.marketdata.domain.RateOracleConfig;
import io.aviary.marketdata.domain.RateOracleConfigStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Hummingbot's rate oracle on Aviary's own market data: the source is a spot venue of the connector registry, its
 * prices are the venue's last traded prices of every pair it lists, and a pair it does not list is priced through
 * {@link ConversionPaths} (inverse, or two legs through one asset). Prices are kept for {@link #PRICES_MAX_AGE}, as
 * Hummingbot's oracle refreshes its price map about once a second; {@code rate-async} reads the venue at once.
 */
@Service
public class RateOracle {

    /** How long a fetched price map is served before the next read fetches it again. */
    static final Duration PRICES_MAX_AGE = Duration.ofSeconds(1);

    /** One fetch of a source's prices. */
    private record Snapshot(String source, Map<TradingPair, BigDecimal> prices, Instant fetched) {
    }

    /** A rate, with the configuration it was computed under; {@code rate} is empty when the pair has no path. */
    public record Rate(TradingPair pair, Optional<BigDecimal> rate, RateOracleConfig config) {
    }

    /** Every price of the source, by pair, sorted. */
    public record Prices(Map<TradingPair, BigDecimal> prices, RateOracleConfig config) {
    }

    private final ConnectorRegistry registry;
    private final RateOracleConfigStore store;
    private final Markets markets;
    private final Clock clock;
    private volatile Snapshot cached;

    public RateOracle(ConnectorRegistry registry, RateOracleConfigStore store, Markets markets, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.markets = markets;
        this.clock = clock;
    }

    /** The venues the oracle can price from: spot connectors with their own market data (paper ones mirror a venue). */
    public List<String> sources() {
        return registry.catalog().all().stream().map(spec -> spec.name()).sorted()
                .filter(name -> registry.find(name).filter(RateOracle::canPrice).isPresent()).toList();
    }

    private static boolean canPrice(ConnectorFactory f) {
        return !f.spec().perpetual() && !(f instanceof PaperConnectorFactory);
    }

    public RateOracleConfig config() {
        return store.load().orElse(RateOracleConfig.DEFAULT);
    }

    /** Stores the configuration (the caller validated the source against {@link #sources()}). */
    public RateOracleConfig update(RateOracleConfig config) {
        store.save(config);
        cached = null;
        return config;
    }

    /** Rates of the pairs in request order, from the cached prices; a pair without a path has an empty rate. */
    public List<Rate> rates(Collection<String> rawPairs) {
        List<TradingPair> pairs = rawPairs.stream().map(RateOracle::parse).toList();
        RateOracleConfig config = config();
        ConversionPaths paths = new ConversionPaths(prices(config, false).prices());
        return pairs.stream().map(p -> new Rate(p, paths.rate(p, config.globalTokenName()), config)).toList();
    }

    /** The rate of one pair (fresh from the venue when {@code fresh}); 404 naming it when no path exists. */
    public Rate rate(String rawPair, boolean fresh) {
        TradingPair pair = parse(rawPair);
        RateOracleConfig config = config();
        Snapshot snapshot = prices(config, fresh);
        BigDecimal rate = new ConversionPaths(snapshot.prices()).rate(pair, config.globalTokenName())
                .orElseThrow(() -> new NotFound("No rate for " + pair + " from source " + config.source()
                        + ": it lists neither the pair, its inverse, nor two pairs joining it through one asset."));
        return new Rate(pair, Optional.of(rate), config);
    }

    public Prices prices() {
        RateOracleConfig config = config();
        Map<TradingPair, BigDecimal> sorted = new TreeMap<>(Comparator.comparing(TradingPair::toString));
        sorted.putAll(prices(config, false).prices());
        return new Prices(sorted, config);
    }

    private Snapshot prices(RateOracleConfig config, boolean fresh) {
        Snapshot current = cached;
        Instant now = clock.instant();
        if (!fresh && current != null && current.source().equals(config.source())
                && current.fetched().plus(PRICES_MAX_AGE).isAfter(now)) {
            return current;
        }
        Snapshot fetched = new Snapshot(config.source(), fetch(config.source()), now);
        cached = fetched;
        return fetched;
    }

    /** Last prices of every pair the source lists (a venue that cannot be reached is a 503 naming it). */
    private Map<TradingPair, BigDecimal> fetch(String source) {
        ConnectorFactory venue = registry.find(source).filter(RateOracle::canPrice)
                .orElseThrow(() -> new Unavailable("The configured rate oracle source '" + source
                        + "' is not available; PUT /rate-oracle/config with one of " + sources()));
        return new LinkedHashMap<>(venue.marketData().lastPrices(markets.listedPairs(venue)));
    }

    private static TradingPair parse(String raw) {
        try {
            return TradingPair.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Invalid trading pair: expected BASE-QUOTE with upper-case letters or digits, "
                    + "e.g. BTC-USDT");
        }
    }
}
