package io.aviary.common.events.orchestration;

/** A controller config was deleted. */
public record ControllerConfigDeleted(String configName) implements ControllerConfigEvent {
}
