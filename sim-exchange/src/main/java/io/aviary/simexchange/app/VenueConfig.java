package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.exchange.FeeSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything that shapes the venue, independent of how it was configured (see the infra
 * properties for names and defaults).
 *
 * @param priceAnchor       the instant at which each market's synthetic price equals its initial price
 * @param historyStart      no candles before this instant (the markets' "listing date")
 * @param premiumAmplitude  size of the perpetual premium waves (0.0006 = 6 bp)
 */
public record VenueConfig(long seed, FeeSchedule fees, Map<String, BigDecimal> spotStartingBalances,
        String perpCollateral, BigDecimal perpStartingCollateral, Duration fundingInterval,
        BigDecimal maintenanceMarginRate, int defaultLeverage, int maxLeverage, List<MarketConfig> spotMarkets,
        List<MarketConfig> perpMarkets, boolean simulationEnabled, Duration simulationTick, Instant historyStart,
        Instant priceAnchor, double premiumAmplitude, Duration maxClockSkew) {

    public VenueConfig {
        spotStartingBalances = Map.copyOf(spotStartingBalances);
        spotMarkets = List.copyOf(spotMarkets);
        perpMarkets = List.copyOf(perpMarkets);
        if (defaultLeverage < 1 || defaultLeverage > maxLeverage) {
            throw new IllegalArgumentException("default leverage must be within 1.." + maxLeverage);
        }
    }
}
