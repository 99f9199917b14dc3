package io.aviary.strategy.config;

import io.aviary.strategy.controller.SuperTrendV1Settings;
import java.util.Map;
import java.util.Objects;

/** {@code supertrend_v1}: follow the SuperTrend direction while the close is within {@code percentage_threshold}
 *  of the SuperTrend line. */
public record SuperTrendV1Config(CommonSettings common, DirectionalSettings directional, CandleSource candles,
                                 int length, double multiplier, double percentageThreshold)
        implements DirectionalControllerConfig, SuperTrendV1Settings {

    public static final String NAME = "supertrend_v1";
    static final ConfigKey<Integer> LENGTH = Keys.length("length", 20);
    static final ConfigKey<Double> MULTIPLIER = ConfigKey.of("multiplier", Keys.FLOAT, 4.0,
            Readers.floating().require(d -> d > 0, "must be greater than 0"), Writers::same);
    static final ConfigKey<Double> PERCENTAGE_THRESHOLD = ConfigKey.of("percentage_threshold", Keys.FLOAT, 0.01,
            Readers.floating().require(d -> d >= 0, "must be 0 or more"), Writers::same);
    static final ConfigSchema SCHEMA = ConfigSchema.builder(NAME)
            .add(Keys.base(NAME, ControllerKind.DIRECTIONAL_TRADING))
            .add(Keys.directional())
            .add(Keys.candles())
            .add(LENGTH, MULTIPLIER, PERCENTAGE_THRESHOLD)
            .build();

    public SuperTrendV1Config {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(directional, "directional");
        Objects.requireNonNull(candles, "candles");
    }

    public static SuperTrendV1Config fromMap(Map<?, ?> raw) {
        ConfigValues v = SCHEMA.read(raw);
        return new SuperTrendV1Config(CommonSettings.from(v), DirectionalSettings.from(v), CandleSource.from(v),
                v.get(LENGTH), v.get(MULTIPLIER), v.get(PERCENTAGE_THRESHOLD));
    }

    @Override
    public Map<String, Object> toMap() {
        ConfigValues v = new ConfigValues();
        common.putInto(v, NAME, kind());
        directional.putInto(v);
        candles.putInto(v);
        v.put(LENGTH, length).put(MULTIPLIER, multiplier).put(PERCENTAGE_THRESHOLD, percentageThreshold);
        return SCHEMA.write(v);
    }

    @Override
    public String controllerName() {
        return NAME;
    }
}
