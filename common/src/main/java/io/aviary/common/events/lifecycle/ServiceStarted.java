package io.aviary.common.events.lifecycle;

import io.aviary.common.events.DomainEvent;

/**
 * A service instance finished starting. Each service publishes it on its own topic through its
 * outbox and reads it back through its inbox, which proves the instance's event path end to end.
 */
public record ServiceStarted(String service, String instanceId, String version) implements DomainEvent {

    @Override
    public String aggregateKey() {
        return service;
    }
}
