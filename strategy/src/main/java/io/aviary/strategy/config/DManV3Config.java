package io.aviary.strategy.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code dman_v3}: Bollinger mean reversion entered through a DCA executor of {@code dca_spreads} (optionally
 * scaled by the band width) weighted by {@code dca_amounts_pct}; its trailing stop is on by default.
 */
public record DManV3Config(CommonSettings common, DirectionalSettings directional, CandleSource candles,
                           BollingerSettings bollinger, List<BigDecimal> dcaSpreads, List<BigDecimal> dcaAmountsPct,
                           boolean dynamicOrderSpread, boolean dynamicTarget, List<BigDecimal> activationBounds)
        implements DirectionalControllerConfig, io.aviary.strategy.controller.DManV3Settings, BollingerKeys {

    public static final String NAME = "dman_v3";
    /** Python's default decimal context, so equal shares print as Hummingbot's do (1/3 to 28 digits). */
    private static final MathContext PYTHON_DECIMAL = new MathContext(28, RoundingMode.HALF_EVEN);

    static final ConfigKey<List<BigDecimal>> DCA_SPREADS = ConfigKey.of("dca_spreads", Keys.LIST_DECIMAL,
            List.of("0.001", "0.018", "0.15", "0.25"), Keys.nonNegativeDecimals(), Writers::decimals);
    /** Null or "" means equal shares {@code Decimal('1.0') / len(dca_spreads)}. */
    static final ConfigKey<List<BigDecimal>> DCA_AMOUNTS_PCT = ConfigKey.of("dca_amounts_pct", Keys.LIST_DECIMAL,
            null,
            (raw, earlier) -> raw == null || "".equals(raw)
                    ? equalShares(earlier.get(DCA_SPREADS).size())
                    : Keys.nonNegativeDecimals().read(raw, earlier),
            Writers::decimals);
    /** Hummingbot declares these {@code bool = None}: left out they act as false, so false is their default. */
    static final ConfigKey<Boolean> DYNAMIC_ORDER_SPREAD =
            ConfigKey.of("dynamic_order_spread", Keys.BOOL, false, Readers.bool(), Writers::same);
    static final ConfigKey<Boolean> DYNAMIC_TARGET =
            ConfigKey.of("dynamic_target", Keys.BOOL, false, Readers.bool(), Writers::same);
    static final ConfigKey<List<BigDecimal>> ACTIVATION_BOUNDS = ConfigKey.of("activation_bounds",
            Keys.OPT_LIST_DECIMAL, null, Keys.optionalDecimals(), Writers::decimals);
    static final ConfigSchema SCHEMA = ConfigSchema.builder(NAME)
            .add(Keys.base(NAME, ControllerKind.DIRECTIONAL_TRADING))
            .add(Keys.directional())
            .override(Keys.TRAILING_STOP.withDefault(Keys.trailingStopDefault("0.015", "0.005")))
            .add(Keys.candles())
            .add(Keys.bollinger())
            .add(DCA_SPREADS, DCA_AMOUNTS_PCT, DYNAMIC_ORDER_SPREAD, DYNAMIC_TARGET, ACTIVATION_BOUNDS)
            .build();

    public DManV3Config {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(directional, "directional");
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(bollinger, "bollinger");
        dcaSpreads = List.copyOf(dcaSpreads);
        dcaAmountsPct = List.copyOf(dcaAmountsPct);
        activationBounds = activationBounds == null ? null : List.copyOf(activationBounds);
        if (dcaSpreads.isEmpty()) {
            throw InvalidConfigException.at(DCA_SPREADS.name(), "must have at least one spread");
        }
        MarketMakingSettings.requireSameLength(DCA_AMOUNTS_PCT.name(), dcaAmountsPct, DCA_SPREADS.name(),
                dcaSpreads);
        if (dcaAmountsPct.stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() <= 0) {
            throw InvalidConfigException.at(DCA_AMOUNTS_PCT.name(), "sums to 0; give at least one share above 0");
        }
        if (directional.exits().stopLoss() == null && dynamicTarget) {
            // dman_v3 multiplies stop_loss by the spread multiplier when dynamic_target is on.
            throw InvalidConfigException.at("stop_loss", "must be set when dynamic_target is true");
        }
    }

    private static List<BigDecimal> equalShares(int count) {
        if (count == 0) {
            return List.of();
        }
        BigDecimal share = new BigDecimal("1.0").divide(BigDecimal.valueOf(count), PYTHON_DECIMAL);
        return Collections.nCopies(count, share);
    }

    public static DManV3Config fromMap(Map<?, ?> raw) {
        ConfigValues v = SCHEMA.read(raw);
        return new DManV3Config(CommonSettings.from(v), DirectionalSettings.from(v), CandleSource.from(v),
                BollingerSettings.from(v), v.get(DCA_SPREADS), v.get(DCA_AMOUNTS_PCT), v.get(DYNAMIC_ORDER_SPREAD),
                v.get(DYNAMIC_TARGET), v.get(ACTIVATION_BOUNDS));
    }

    @Override
    public Map<String, Object> toMap() {
        ConfigValues v = new ConfigValues();
        common.putInto(v, NAME, kind());
        directional.putInto(v);
        candles.putInto(v);
        bollinger.putInto(v);
        v.put(DCA_SPREADS, dcaSpreads)
                .put(DCA_AMOUNTS_PCT, dcaAmountsPct)
                .put(DYNAMIC_ORDER_SPREAD, dynamicOrderSpread)
                .put(DYNAMIC_TARGET, dynamicTarget)
                .put(ACTIVATION_BOUNDS, activationBounds);
        return SCHEMA.write(v);
    }

    @Override
    public String controllerName() {
        return NAME;
    }
}
