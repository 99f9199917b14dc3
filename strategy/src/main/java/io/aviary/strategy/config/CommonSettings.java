package io.aviary.strategy.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The keys every controller has ({@code ControllerConfigBase}), less the name and kind its type fixes. */
public record CommonSettings(
        String id,
        BigDecimal totalAmountQuote,
        boolean manualKillSwitch,
        List<InitialPosition> initialPositions) {

    public CommonSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(totalAmountQuote, "totalAmountQuote");
        initialPositions = List.copyOf(initialPositions);
    }

    static CommonSettings from(ConfigValues v) {
        return new CommonSettings(v.get(Keys.ID), v.get(Keys.TOTAL_AMOUNT_QUOTE), v.get(Keys.MANUAL_KILL_SWITCH),
                v.get(Keys.INITIAL_POSITIONS_KEY));
    }

    void putInto(ConfigValues v, String controllerName, ControllerKind kind) {
        v.put(Keys.ID, id)
                .put(Keys.controllerName(controllerName), controllerName)
                .put(Keys.controllerType(kind), kind.wireName())
                .put(Keys.TOTAL_AMOUNT_QUOTE, totalAmountQuote)
                .put(Keys.MANUAL_KILL_SWITCH, manualKillSwitch)
                .put(Keys.INITIAL_POSITIONS_KEY, initialPositions);
    }
}
