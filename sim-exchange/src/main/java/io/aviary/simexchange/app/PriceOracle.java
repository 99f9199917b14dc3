package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.model.RejectCode;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.model.VenueRejection;
import io.aviary.simexchange.domain.price.PathSpec;
import io.aviary.simexchange.domain.price.Premium;
import io.aviary.simexchange.domain.price.SyntheticMarket;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Fair prices from the seeded paths: the spot fair price, and for perpetuals the index (the path
 * without premium, i.e. what the spot market on the same pair follows) and the mark (path plus
 * premium, what the perpetual book is quoted around).
 */
public final class PriceOracle {

    private final Map<String, SyntheticMarket> spot = new HashMap<>();
    private final Map<String, SyntheticMarket> perp = new HashMap<>();
    private final Map<String, SyntheticMarket> index = new HashMap<>();
    private final Map<String, MarketRules> perpRules = new HashMap<>();

    public PriceOracle(VenueConfig config) {
        for (MarketConfig m : config.spotMarkets()) {
            spot.put(m.symbol(), new SyntheticMarket(spec(config, m, "spot:", null)));
        }
        for (MarketConfig m : config.perpMarkets()) {
            Premium premium = Premium.seeded(config.seed(), m.symbol(), config.premiumAmplitude());
            PathSpec spec = spec(config, m, "perp:", premium);
            perp.put(m.symbol(), new SyntheticMarket(spec));
            index.put(m.symbol(), new SyntheticMarket(spec.withoutPremium("index:" + m.symbol())));
            perpRules.put(m.symbol(), m.rules());
        }
    }

    private static PathSpec spec(VenueConfig config, MarketConfig m, String prefix, Premium premium) {
        return new PathSpec(config.seed(), m.symbol(), prefix + m.symbol(), m.initialPrice(), m.annualVolatility(),
                config.priceAnchor().getEpochSecond(), 1.2, m.volumePerSecond(), m.stepSize().doubleValue(), premium);
    }

    public SyntheticMarket synthetic(VenueKind kind, String symbol) {
        SyntheticMarket m = (kind == VenueKind.SPOT ? spot : perp).get(symbol);
        if (m == null) {
            throw new VenueRejection(RejectCode.UNKNOWN_MARKET, "unknown " + kind.path() + " market '" + symbol + "'");
        }
        return m;
    }

    /** The price simulated participants quote around (the mark price on perpetuals). */
    public double fair(VenueKind kind, String symbol, long epochMillis) {
        return synthetic(kind, symbol).priceAt(epochMillis / 1000.0);
    }

    public BigDecimal mark(String symbol, long epochMillis) {
        return round(fair(VenueKind.PERPETUAL, symbol, epochMillis), perpRules.get(symbol).tickSize());
    }

    public BigDecimal index(String symbol, long epochMillis) {
        synthetic(VenueKind.PERPETUAL, symbol);
        return round(index.get(symbol).priceAt(epochMillis / 1000.0), perpRules.get(symbol).tickSize());
    }

    /** Nearest multiple of {@code tick}. */
    public static BigDecimal round(double value, BigDecimal tick) {
        return tick.multiply(BigDecimal.valueOf(Math.round(value / tick.doubleValue())));
    }
}
