package io.aviary.simexchange;

import io.aviary.simexchange.app.DefaultMarkets;
import io.aviary.simexchange.app.MarketConfig;
import io.aviary.simexchange.app.VenueConfig;
import io.aviary.simexchange.domain.exchange.FeeSchedule;
import io.aviary.simexchange.domain.sim.FlowParams;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the venue, prefix {@code sim.exchange}; every property can be set from the
 * environment (e.g. {@code SIM_EXCHANGE_SEED}, {@code SIM_EXCHANGE_DATA_DIR},
 * {@code SIM_EXCHANGE_FUNDING_INTERVAL=60s}, {@code SIM_EXCHANGE_QUIET_MARKETS=spot:SOL-USDT}).
 *
 * @param quietMarkets markets ({@code spot:SYMBOL} or {@code perp:SYMBOL}) without simulated flow
 */
@ConfigurationProperties("sim.exchange")
public record SimExchangeProperties(
        @DefaultValue("42") long seed,
        @DefaultValue("./data/sim-exchange") Path dataDir,
        @DefaultValue("0.0002") BigDecimal makerFee,
        @DefaultValue("0.0005") BigDecimal takerFee,
        Map<String, BigDecimal> spotStartingBalances,
        @DefaultValue("USDT") String perpCollateral,
        @DefaultValue("10000") BigDecimal perpStartingCollateral,
        @DefaultValue("8h") Duration fundingInterval,
        @DefaultValue("0.005") BigDecimal maintenanceMarginRate,
        @DefaultValue("20") int defaultLeverage,
        @DefaultValue("125") int maxLeverage,
        List<MarketProperties> spotMarkets,
        List<MarketProperties> perpMarkets,
        @DefaultValue("true") boolean simulationEnabled,
        @DefaultValue("500ms") Duration simulationTick,
        List<String> quietMarkets,
        @DefaultValue("2020-01-01T00:00:00Z") Instant historyStart,
        @DefaultValue("2026-01-01T00:00:00Z") Instant priceAnchor,
        @DefaultValue("0.0006") double premiumAmplitude,
        @DefaultValue("30s") Duration maxClockSkew,
        @DefaultValue("false") boolean journalFsync,
        @DefaultValue("5000") int snapshotEvery) {

    public static final Map<String, BigDecimal> DEFAULT_SPOT_BALANCES = Map.of(
            "USDT", new BigDecimal("10000"), "BTC", BigDecimal.ONE, "ETH", BigDecimal.TEN, "SOL", new BigDecimal("100"));

    /** One market; unset flow fields get values that suit a mid-priced asset. */
    public record MarketProperties(String base, @DefaultValue("USDT") String quote, BigDecimal tickSize,
            BigDecimal stepSize, BigDecimal minSize, @DefaultValue("1000000") BigDecimal maxSize,
            @DefaultValue("5") BigDecimal minNotional, double initialPrice,
            @DefaultValue("0.6") double annualVolatility, @DefaultValue("1") double volumePerSecond,
            @DefaultValue("25") int levels, @DefaultValue("1.5") double halfSpreadBps,
            @DefaultValue("1.5") double levelStepBps, double makerSize,
            @DefaultValue("1") double takerRatePerSecond, double takerSize) {

        MarketConfig toConfig() {
            BigDecimal min = minSize != null ? minSize : stepSize;
            return new MarketConfig(base, quote, tickSize, stepSize, min, maxSize, minNotional, initialPrice,
                    annualVolatility, volumePerSecond, true, new FlowParams(levels, halfSpreadBps, levelStepBps,
                            makerSize > 0 ? makerSize : min.doubleValue() * 10, takerRatePerSecond,
                            takerSize > 0 ? takerSize : min.doubleValue() * 4));
        }
    }

    public VenueConfig toVenueConfig() {
        Map<String, BigDecimal> balances = new TreeMap<>();
        // environment variables arrive with lower-case map keys; assets are upper case
        (spotStartingBalances == null || spotStartingBalances.isEmpty() ? DEFAULT_SPOT_BALANCES : spotStartingBalances)
                .forEach((asset, amount) -> balances.put(asset.toUpperCase(Locale.ROOT), amount));
        return new VenueConfig(seed, new FeeSchedule(makerFee, takerFee), balances, perpCollateral,
                perpStartingCollateral, fundingInterval, maintenanceMarginRate, defaultLeverage, maxLeverage,
                markets("spot", spotMarkets, DefaultMarkets.spot()), markets("perp", perpMarkets, DefaultMarkets.perpetual()),
                simulationEnabled, simulationTick, historyStart, priceAnchor, premiumAmplitude, maxClockSkew);
    }

    private List<MarketConfig> markets(String kind, List<MarketProperties> configured, List<MarketConfig> defaults) {
        List<MarketConfig> markets = configured == null || configured.isEmpty() ? defaults
                : configured.stream().map(MarketProperties::toConfig).toList();
        List<String> quiet = quietMarkets == null ? List.of() : quietMarkets;
        return markets.stream().map(m -> quiet.contains(kind + ":" + m.symbol()) ? m.withSimulated(false) : m).toList();
    }
}
