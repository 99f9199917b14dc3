package io.aviary.strategy.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The controllers Aviary runs, with Hummingbot's names and kinds; the source of {@code GET /controllers/} and the
 * config templates, and the entry point for reading a config of any of them.
 */
public final class ControllerRegistry {

    private static final List<ControllerType> TYPES = List.of(
            new ControllerType(PmmSimpleConfig.NAME, ControllerKind.MARKET_MAKING, PmmSimpleConfig.SCHEMA,
                    PmmSimpleConfig::fromMap),
            new ControllerType(PmmDynamicConfig.NAME, ControllerKind.MARKET_MAKING, PmmDynamicConfig.SCHEMA,
                    PmmDynamicConfig::fromMap),
            new ControllerType(DManMakerV2Config.NAME, ControllerKind.MARKET_MAKING, DManMakerV2Config.SCHEMA,
                    DManMakerV2Config::fromMap),
            new ControllerType(BollingerV1Config.NAME, ControllerKind.DIRECTIONAL_TRADING, BollingerV1Config.SCHEMA,
                    BollingerV1Config::fromMap),
            new ControllerType(MacdBbV1Config.NAME, ControllerKind.DIRECTIONAL_TRADING, MacdBbV1Config.SCHEMA,
                    MacdBbV1Config::fromMap),
            new ControllerType(SuperTrendV1Config.NAME, ControllerKind.DIRECTIONAL_TRADING,
                    SuperTrendV1Config.SCHEMA, SuperTrendV1Config::fromMap),
            new ControllerType(DManV3Config.NAME, ControllerKind.DIRECTIONAL_TRADING, DManV3Config.SCHEMA,
                    DManV3Config::fromMap),
            new ControllerType(GridStrikeConfig.NAME, ControllerKind.GENERIC, GridStrikeConfig.SCHEMA,
                    GridStrikeConfig::fromMap));

    private ControllerRegistry() {
    }

    public static List<ControllerType> all() {
        return TYPES;
    }

    public static Optional<ControllerType> find(String name) {
        return TYPES.stream().filter(type -> type.name().equals(name)).findFirst();
    }

    /** The controller named {@code name} of kind {@code kind}, as {@code /controllers/{type}/{name}} paths ask. */
    public static Optional<ControllerType> find(ControllerKind kind, String name) {
        return find(name).filter(type -> type.kind() == kind);
    }

    /** Controller names per kind, every kind present, as {@code GET /controllers/} lists them. */
    public static Map<ControllerKind, List<String>> namesByKind() {
        Map<ControllerKind, List<String>> names = new EnumMap<>(ControllerKind.class);
        for (ControllerKind kind : ControllerKind.values()) {
            names.put(kind, TYPES.stream().filter(type -> type.kind() == kind).map(ControllerType::name).toList());
        }
        return names;
    }

    /**
     * Reads a config of whichever controller its {@code controller_name} names.
     *
     * @throws InvalidConfigException if {@code controller_name} is missing or unknown, or the config is invalid
     */
    public static V2ControllerConfig parse(Map<?, ?> raw) {
        Object name = raw.get("controller_name");
        if (!(name instanceof String text)) {
            throw InvalidConfigException.at("controller_name", "is required and must be one of " + knownNames());
        }
        return find(text)
                .orElseThrow(() -> InvalidConfigException.at("controller_name", "unknown controller; must be one of "
                        + knownNames()))
                .parse(raw);
    }

    private static String knownNames() {
        return String.join(", ", TYPES.stream().map(ControllerType::name).toList());
    }
}
