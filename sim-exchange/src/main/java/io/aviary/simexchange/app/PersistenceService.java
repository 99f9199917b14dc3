package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.state.StateStore;
import io.aviary.simexchange.domain.state.VenueState;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the venue's accounts survive restarts: every durable record is numbered, applied to the
 * {@link StateMirror} and appended to the journal before the command that produced it returns;
 * the mirror is written as a snapshot at start-up and whenever enough records accumulated, which
 * keeps the journal short.
 */
public final class PersistenceService implements Journal {

    private final StateStore store;
    private final StateMirror mirror = new StateMirror();
    private final int snapshotEvery;
    private long sequence;
    private long sinceSnapshot;

    public PersistenceService(StateStore store, int snapshotEvery) {
        this.store = store;
        this.snapshotEvery = snapshotEvery;
    }

    /** Snapshot + newer journal entries → the state to restore; then compacts. */
    public synchronized VenueState load() {
        store.readSnapshot().ifPresent(s -> {
            mirror.restore(s);
            sequence = s.lastSequence();
        });
        store.readJournal(entry -> {
            if (entry.sequence() > sequence) {
                mirror.apply(entry.record());
                sequence = entry.sequence();
            }
        });
        compact();
        return mirror.state(sequence);
    }

    @Override
    public synchronized void record(List<?> records) {
        List<StateStore.Entry> entries = new ArrayList<>(records.size());
        for (Object r : records) {
            mirror.apply(r);
            entries.add(new StateStore.Entry(++sequence, r));
        }
        store.append(entries);
        sinceSnapshot += entries.size();
    }

    /** Writes a snapshot when at least {@code snapshotEvery} records were journaled since the last one. */
    public synchronized void compactIfDue() {
        if (sinceSnapshot >= snapshotEvery) {
            compact();
        }
    }

    public synchronized void compact() {
        store.writeSnapshot(mirror.state(sequence));
        sinceSnapshot = 0;
    }

    /** Releases the files without a final snapshot (what a killed process leaves behind). */
    public synchronized void abandon() {
        store.close();
    }

    public synchronized void close() {
        if (sinceSnapshot > 0) {
            compact();
        }
        store.close();
    }
}
