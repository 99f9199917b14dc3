package io.aviary.strategy.config;

import java.util.Map;

/**
 * A validated Hummingbot V2 controller config: one record per supported controller. Read one with
 * {@link ControllerRegistry#parse(Map)}; {@link #toMap()} gives it back in Hummingbot's key order and value forms,
 * complete with every default, ready for a YAML or JSON writer at the edge.
 */
public sealed interface V2ControllerConfig
        permits PmmSimpleConfig, PmmDynamicConfig, DManMakerV2Config, BollingerV1Config, MacdBbV1Config,
                SuperTrendV1Config, DManV3Config, GridStrikeConfig {

    CommonSettings common();

    /** The {@code controller_name} key: which controller runs this config. */
    String controllerName();

    /** The {@code controller_type} key. */
    ControllerKind kind();

    String connectorName();

    String tradingPair();

    /** Every key in Hummingbot's order; Decimals as strings, order types and sides as integer codes. */
    Map<String, Object> toMap();

    default String id() {
        return common().id();
    }
}
