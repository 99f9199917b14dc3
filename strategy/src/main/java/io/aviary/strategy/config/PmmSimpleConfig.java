package io.aviary.strategy.config;

import java.util.Map;
import java.util.Objects;

/** {@code pmm_simple}: market making around the mid price with fixed spread levels; no keys of its own. */
public record PmmSimpleConfig(CommonSettings common, MarketMakingSettings marketMaking)
        implements MarketMakingControllerConfig {

    public static final String NAME = "pmm_simple";
    static final ConfigSchema SCHEMA = ConfigSchema.builder(NAME)
            .add(Keys.base(NAME, ControllerKind.MARKET_MAKING))
            .add(Keys.marketMaking())
            .build();

    public PmmSimpleConfig {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(marketMaking, "marketMaking");
    }

    /** Validates a raw config (as parsed from YAML or JSON) and fills the defaults. */
    public static PmmSimpleConfig fromMap(Map<?, ?> raw) {
        ConfigValues v = SCHEMA.read(raw);
        return new PmmSimpleConfig(CommonSettings.from(v), MarketMakingSettings.from(v));
    }

    @Override
    public Map<String, Object> toMap() {
        ConfigValues v = new ConfigValues();
        common.putInto(v, NAME, kind());
        marketMaking.putInto(v);
        return SCHEMA.write(v);
    }

    @Override
    public String controllerName() {
        return NAME;
    }
}
