package io.aviary.kit.events;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tries parked events again. Each replay is one transaction that locks the parked row ({@code SKIP LOCKED}, so
 * instances share the work), records the event id in the inbox and runs the handlers ({@link EventInbox#applyOnce},
 * a no-op when the id was recorded meanwhile, for example by a re-sent copy), and deletes the row: the event takes
 * effect exactly once, or not at all and stays parked with its attempt count raised.
 *
 * <p>A replayed event may take effect after later events of its key; handlers already tolerate that (events of
 * different partitions and re-sends arrive in any order), which is the price of letting a partition move on.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final int PAGE = 100;

    private final DeadLetters deadLetters;
    private final EventInbox inbox;
    private final EventJson json;
    private final TransactionTemplate tx;

    public DeadLetterReplay(DeadLetters deadLetters, EventInbox inbox, EventJson json, TransactionTemplate tx) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.json = json;
        this.tx = tx;
    }

    /** One pass over everything parked now, oldest first; returns how many took effect (or were found handled). */
    public int replayAll() {
        int replayed = 0;
        long after = 0;
        List<Long> page;
        do {
            page = deadLetters.idsAfter(after, PAGE);
            for (long id : page) {
                if (replay(id)) {
                    replayed++;
                }
                after = id;
            }
        } while (page.size() == PAGE);
        return replayed;
    }

    private boolean replay(long id) {
        try {
            Optional<DeadLetters.Parked> done = tx.execute(status -> {
                Optional<DeadLetters.Parked> parked = deadLetters.lock(id);
                parked.ifPresent(p -> {
                    EventEnvelope envelope = json.read(p.envelope());
                    inbox.applyOnce(envelope);
                    deadLetters.delete(p.id());
                });
                return parked;
            });
            done.ifPresent(p -> log.info("Replayed parked event {} ({}) from {}-{}@{} after {} failed attempt(s)",
                    p.eventId().map(Object::toString).orElse("(unreadable before)"), p.eventType().orElse("unknown type"),
                    p.topic(), p.partition(), p.offset(), p.attempts()));
            return done.isPresent();
        } catch (RuntimeException e) {
            if (InboxFailures.isTransient(e)) {
                throw e; // the database is away: end this pass, the next one starts over
            }
            deadLetters.recordFailedReplay(id, e);
            log.debug("Parked event row {} still fails: {}", id, InboxFailures.describe(e));
            return false;
        }
    }
}
