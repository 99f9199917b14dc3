package io.aviary.simexchange.domain.state;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Durable storage of the venue state: a snapshot plus a journal of the records appended since.
 * Implementations must make {@link #writeSnapshot} atomic (a crash leaves the old or the new one)
 * and may then drop journal entries the snapshot covers.
 */
public interface StateStore extends AutoCloseable {

    /** One journaled record with its position in the venue's history. */
    record Entry(long sequence, Object record) {
    }

    Optional<VenueState> readSnapshot();

    /** Entries in order; a torn last entry (crash mid-write) ends the journal. */
    void readJournal(Consumer<Entry> consumer);

    void append(List<Entry> entries);

    void writeSnapshot(VenueState state);

    @Override
    void close();
}
