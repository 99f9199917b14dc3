package io.aviary.kit.lifecycle;

import io.aviary.common.events.lifecycle.ServiceStarted;
import io.aviary.kit.events.EventOutbox;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.transaction.support.TransactionTemplate;

/** Announces this instance on its domain topic once it is ready to serve. */
public class ServiceStartedAnnouncer implements ApplicationListener<ApplicationReadyEvent> {

    private final EventOutbox outbox;
    private final TransactionTemplate tx;
    private final ServiceStarted announcement;

    public ServiceStartedAnnouncer(EventOutbox outbox, TransactionTemplate tx, ServiceStarted announcement) {
        this.outbox = outbox;
        this.tx = tx;
        this.announcement = announcement;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        tx.executeWithoutResult(status -> outbox.append(announcement));
    }
}
