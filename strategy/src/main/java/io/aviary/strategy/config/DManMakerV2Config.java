package io.aviary.strategy.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code dman_maker_v2}: market making where each level is a DCA executor of {@code dca_spreads} (fractions below /
 * above the level price) weighted by {@code dca_amounts}.
 */
public record DManMakerV2Config(CommonSettings common, MarketMakingSettings marketMaking,
                                List<BigDecimal> dcaSpreads, List<BigDecimal> dcaAmounts,
                                Double topExecutorRefreshTime, List<BigDecimal> executorActivationBounds)
        implements MarketMakingControllerConfig, io.aviary.strategy.controller.DManMakerV2Settings {

    public static final String NAME = "dman_maker_v2";
    static final ConfigKey<List<BigDecimal>> DCA_SPREADS = ConfigKey.of("dca_spreads", Keys.LIST_DECIMAL,
            List.of("0.01", "0.02", "0.04", "0.08"), Keys.nonNegativeDecimals(), Writers::decimals);
    /** Null or "" means equal weights, one per DCA spread. */
    static final ConfigKey<List<BigDecimal>> DCA_AMOUNTS = ConfigKey.of("dca_amounts", Keys.LIST_DECIMAL,
            List.of("0.1", "0.2", "0.4", "0.8"),
            (raw, earlier) -> raw == null || "".equals(raw)
                    ? Collections.nCopies(earlier.get(DCA_SPREADS).size(), BigDecimal.ONE)
                    : Keys.nonNegativeDecimals().read(raw, earlier),
            Writers::decimals);
    static final ConfigKey<Double> TOP_EXECUTOR_REFRESH_TIME = ConfigKey.of("top_executor_refresh_time",
            Keys.OPT_FLOAT, null,
            Readers.floating().require(d -> d > 0, "must be greater than 0 (seconds), or null for none").optional(),
            Writers::same);
    static final ConfigKey<List<BigDecimal>> EXECUTOR_ACTIVATION_BOUNDS = ConfigKey.of(
            "executor_activation_bounds", Keys.OPT_LIST_DECIMAL, null, Keys.optionalDecimals(), Writers::decimals);
    static final ConfigSchema SCHEMA = ConfigSchema.builder(NAME)
            .add(Keys.base(NAME, ControllerKind.MARKET_MAKING))
            .add(Keys.marketMaking())
            .add(DCA_SPREADS, DCA_AMOUNTS, TOP_EXECUTOR_REFRESH_TIME, EXECUTOR_ACTIVATION_BOUNDS)
            .build();

    public DManMakerV2Config {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(marketMaking, "marketMaking");
        dcaSpreads = List.copyOf(dcaSpreads);
        dcaAmounts = List.copyOf(dcaAmounts);
        executorActivationBounds = executorActivationBounds == null ? null : List.copyOf(executorActivationBounds);
        if (dcaSpreads.isEmpty()) {
            throw InvalidConfigException.at(DCA_SPREADS.name(), "must have at least one spread");
        }
        MarketMakingSettings.requireSameLength(DCA_AMOUNTS.name(), dcaAmounts, DCA_SPREADS.name(), dcaSpreads);
        if (dcaAmounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() <= 0) {
            throw InvalidConfigException.at(DCA_AMOUNTS.name(), "sums to 0; give at least one amount above 0");
        }
    }

    public static DManMakerV2Config fromMap(Map<?, ?> raw) {
        ConfigValues v = SCHEMA.read(raw);
        return new DManMakerV2Config(CommonSettings.from(v), MarketMakingSettings.from(v), v.get(DCA_SPREADS),
                v.get(DCA_AMOUNTS), v.get(TOP_EXECUTOR_REFRESH_TIME), v.get(EXECUTOR_ACTIVATION_BOUNDS));
    }

    @Override
    public Map<String, Object> toMap() {
        ConfigValues v = new ConfigValues();
        common.putInto(v, NAME, kind());
        marketMaking.putInto(v);
        v.put(DCA_SPREADS, dcaSpreads)
                .put(DCA_AMOUNTS, dcaAmounts)
                .put(TOP_EXECUTOR_REFRESH_TIME, topExecutorRefreshTime)
                .put(EXECUTOR_ACTIVATION_BOUNDS, executorActivationBounds);
        return SCHEMA.write(v);
    }

    @Override
    public String controllerName() {
        return NAME;
    }
}
