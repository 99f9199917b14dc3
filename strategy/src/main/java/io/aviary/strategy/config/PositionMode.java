package io.aviary.strategy.config;

/** Hummingbot's {@code PositionMode}; configs write it by name. */
public enum PositionMode {
    HEDGE,
    ONEWAY
}
