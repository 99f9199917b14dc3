package io.aviary.strategy.config;

import java.util.Map;
import java.util.Objects;

/** {@code bollinger_v1}: long below the lower Bollinger Band (%B under the long threshold), short above the upper. */
public record BollingerV1Config(CommonSettings common, DirectionalSettings directional, CandleSource candles,
                                BollingerSettings bollinger) implements DirectionalControllerConfig, BollingerKeys {

    public static final String NAME = "bollinger_v1";
    static final ConfigSchema SCHEMA = ConfigSchema.builder(NAME)
            .add(Keys.base(NAME, ControllerKind.DIRECTIONAL_TRADING))
            .add(Keys.directional())
            .add(Keys.candles())
            .add(Keys.bollinger())
            .build();

    public BollingerV1Config {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(directional, "directional");
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(bollinger, "bollinger");
    }

    public static BollingerV1Config fromMap(Map<?, ?> raw) {
        ConfigValues v = SCHEMA.read(raw);
        return new BollingerV1Config(CommonSettings.from(v), DirectionalSettings.from(v), CandleSource.from(v),
                BollingerSettings.from(v));
    }

    @Override
    public Map<String, Object> toMap() {
        ConfigValues v = new ConfigValues();
        common.putInto(v, NAME, kind());
        directional.putInto(v);
        candles.putInto(v);
        bollinger.putInto(v);
        return SCHEMA.write(v);
    }

    @Override
    public String controllerName() {
        return NAME;
    }
}
