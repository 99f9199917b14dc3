package io.aviary.simexchange.domain.event;

import io.aviary.simexchange.domain.model.PositionMode;
import java.util.Map;

/** Perpetual account settings: position mode and the leverage chosen per market. */
public record AccountSettings(PositionMode positionMode, Map<String, Integer> leverage) {

    public AccountSettings {
        leverage = Map.copyOf(leverage);
    }
}
