package io.aviary.common.events.orchestration;

import io.aviary.common.events.DomainEvent;

/**
 * A stored controller config changed in orchestration-service ({@code /controllers/configs/…}). Keyed by the config
 * name, so the changes of one config arrive in order. The content itself is not carried: consumers that need it
 * read it from orchestration-service, which keeps the only copy.
 */
public sealed interface ControllerConfigEvent extends DomainEvent permits ControllerConfigSaved, ControllerConfigDeleted {

    String configName();

    @Override
    default String aggregateKey() {
        return configName();
    }
}
