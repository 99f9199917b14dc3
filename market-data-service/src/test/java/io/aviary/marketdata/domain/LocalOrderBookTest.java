package io.aviary.marketdata.domain;

import static io.aviary.marketdata.domain.Books.PAIR;
import static io.aviary.marketdata.domain.Books.diff;
import static io.aviary.marketdata.domain.Books.levels;
import static io.aviary.marketdata.domain.Books.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.marketdata.domain.LocalOrderBook.DiffOutcome;
import org.junit.jupiter.api.Test;

class LocalOrderBookTest {

    private final LocalOrderBook book = new LocalOrderBook(PAIR);

    @Test
    void contiguousDiffsApplyWithAbsoluteAmountsAndZeroRemoves() {
        book.applySnapshot(snapshot(10, levels("99:1", "98:2"), levels("100:1", "101:2")));
        assertThat(book.applyDiff(diff(11, 12, levels("99:0", "97:5"), levels("100:3")))).isEqualTo(DiffOutcome.APPLIED);
        assertThat(book.sequence()).isEqualTo(12);
        assertThat(book.view().bids(10)).isEqualTo(levels("98:2", "97:5"));
        assertThat(book.view().asks(10)).isEqualTo(levels("100:3", "101:2"));
    }

    @Test
    void aDiffTheBookAlreadyHasIsStaleAndIgnored() {
        book.applySnapshot(snapshot(10, levels("99:1"), levels("100:1")));
        assertThat(book.applyDiff(diff(9, 10, levels("99:7"), levels()))).isEqualTo(DiffOutcome.STALE);
        assertThat(book.view().bids(1)).isEqualTo(levels("99:1"));
        assertThat(book.isSynced()).isTrue();
    }

    @Test
    void aGapStopsTheBookUntilTheNextSnapshot() {
        book.applySnapshot(snapshot(10, levels("99:1"), levels("100:1")));
        assertThat(book.applyDiff(diff(12, 13, levels("99:5"), levels()))).isEqualTo(DiffOutcome.GAP);
        assertThat(book.isSynced()).isFalse();
        assertThat(book.gaps()).isEqualTo(1);
        // the diff that would have followed is refused too: the book waits for a snapshot
        assertThat(book.applyDiff(diff(11, 11, levels("99:2"), levels()))).isEqualTo(DiffOutcome.AWAITING_SNAPSHOT);
        book.applySnapshot(snapshot(20, levels("99:4"), levels("100:4")));
        assertThat(book.isSynced()).isTrue();
        assertThat(book.applyDiff(diff(21, 21, levels(), levels("100:0")))).isEqualTo(DiffOutcome.APPLIED);
        assertThat(book.view().asks(5)).isEmpty();
        assertThat(book.view().bids(5)).isEqualTo(levels("99:4"));
    }

    @Test
    void aDiffBeforeAnySnapshotWaits() {
        assertThat(book.applyDiff(diff(1, 1, levels("99:1"), levels()))).isEqualTo(DiffOutcome.AWAITING_SNAPSHOT);
    }
}
