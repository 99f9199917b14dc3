package io.aviary.strategy.config;

import io.aviary.strategy.controller.MacdBbV1Settings;
import java.util.Map;
import java.util.Objects;

/** {@code macd_bb_v1}: Bollinger %B extremes confirmed by the MACD and its histogram turning. */
public record MacdBbV1Config(CommonSettings common, DirectionalSettings directional, CandleSource candles,
                             BollingerSettings bollinger, MacdSettings macd)
        implements DirectionalControllerConfig, MacdBbV1Settings, BollingerKeys, MacdKeys {

    public static final String NAME = "macd_bb_v1";
    static final ConfigSchema SCHEMA = ConfigSchema.builder(NAME)
            .add(Keys.base(NAME, ControllerKind.DIRECTIONAL_TRADING))
            .add(Keys.directional())
            .add(Keys.candles())
            .add(Keys.bollinger())
            .add(Keys.macd())
            .build();

    public MacdBbV1Config {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(directional, "directional");
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(bollinger, "bollinger");
        Objects.requireNonNull(macd, "macd");
    }

    public static MacdBbV1Config fromMap(Map<?, ?> raw) {
        ConfigValues v = SCHEMA.read(raw);
        return new MacdBbV1Config(CommonSettings.from(v), DirectionalSettings.from(v), CandleSource.from(v),
                BollingerSettings.from(v), MacdSettings.from(v));
    }

    @Override
    public Map<String, Object> toMap() {
        ConfigValues v = new ConfigValues();
        common.putInto(v, NAME, kind());
        directional.putInto(v);
        candles.putInto(v);
        bollinger.putInto(v);
        macd.putInto(v);
        return SCHEMA.write(v);
    }

    @Override
    public String controllerName() {
        return NAME;
    }
}
