package io.aviary.common.events.orchestration;

/**
 * A controller config was created or replaced.
 *
 * @param configName     the config name (Hummingbot's file name without {@code .yml})
 * @param controllerName the controller it configures, e.g. {@code pmm_simple}
 * @param controllerType its kind: {@code market_making}, {@code directional_trading} or {@code generic}
 */
public record ControllerConfigSaved(String configName, String controllerName, String controllerType)
        implements ControllerConfigEvent {
}
