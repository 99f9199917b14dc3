package io.aviary.strategy.config;

import java.util.Arrays;
import java.util.Optional;

/** Hummingbot's controller kinds: the {@code controller_type} key and the sub-package a controller lives in. */
public enum ControllerKind {
    MARKET_MAKING("market_making"),
    DIRECTIONAL_TRADING("directional_trading"),
    GENERIC("generic");

    private final String wireName;

    ControllerKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in YAML and in {@code /controllers/{controller_type}/…} paths. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ControllerKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
