package io.aviary.strategy.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code pmm_dynamic}: market making whose reference price shifts with MACD and whose spreads are multiples of
 * NATR (so its spreads default to {@code 1,2,4}, in NATR units).
 */
public record PmmDynamicConfig(CommonSettings common, MarketMakingSettings marketMaking, CandleSource candles,
                               MacdSettings macd, int natrLength)
        implements MarketMakingControllerConfig, io.aviary.strategy.controller.PmmDynamicSettings,
        MacdKeys {

    public static final String NAME = "pmm_dynamic";
    static final ConfigKey<Integer> NATR_LENGTH = Keys.length("natr_length", 14);
    static final ConfigSchema SCHEMA = ConfigSchema.builder(NAME)
            .add(Keys.base(NAME, ControllerKind.MARKET_MAKING))
            .add(Keys.marketMaking())
            .override(Keys.BUY_SPREADS.withDefault(List.of(1.0, 2.0, 4.0)))
            .override(Keys.SELL_SPREADS.withDefault(List.of(1.0, 2.0, 4.0)))
            .add(Keys.candles())
            .add(Keys.macd())
            .add(NATR_LENGTH)
            .build();

    public PmmDynamicConfig {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(marketMaking, "marketMaking");
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(macd, "macd");
    }

    public static PmmDynamicConfig fromMap(Map<?, ?> raw) {
        ConfigValues v = SCHEMA.read(raw);
        return new PmmDynamicConfig(CommonSettings.from(v), MarketMakingSettings.from(v), CandleSource.from(v),
                MacdSettings.from(v), v.get(NATR_LENGTH));
    }

    @Override
    public Map<String, Object> toMap() {
        ConfigValues v = new ConfigValues();
        common.putInto(v, NAME, kind());
        marketMaking.putInto(v);
        candles.putInto(v);
        macd.putInto(v);
        v.put(NATR_LENGTH, natrLength);
        return SCHEMA.write(v);
    }

    @Override
    public String controllerName() {
        return NAME;
    }
}
