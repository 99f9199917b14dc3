package io.aviary.simexchange.domain.book;

import io.aviary.simexchange.domain.book.BookOrder.Level;
import java.util.Arrays;

/**
 * The levels of one side, sorted so the best level is the LAST element: most activity happens at
 * the top of the book, so inserting or removing there shifts few elements. Keys are the price for
 * bids and the negated price for asks, so both sides sort ascending with the best key last.
 */
final class BookSide {

    private final boolean bids;
    private long[] keys = new long[256];
    private Level[] levels = new Level[256];
    private int size;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    int size() {
        return size;
    }

    Level best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** Level at index counted from the best (0 = best). */
    Level fromBest(int i) {
        return levels[size - 1 - i];
    }

    Level find(long price) {
        int i = search(key(price));
        return i >= 0 ? levels[i] : null;
    }

    Level getOrCreate(long price) {
        long k = key(price);
        int i = search(k);
        if (i >= 0) {
            return levels[i];
        }
        int at = -i - 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(keys, at, keys, at + 1, size - at);
        System.arraycopy(levels, at, levels, at + 1, size - at);
        Level level = new Level(price);
        keys[at] = k;
        levels[at] = level;
        size++;
        return level;
    }

    void remove(Level level) {
        int i = size > 0 && levels[size - 1] == level ? size - 1 : search(key(level.price));
        if (i < 0) {
            return;
        }
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(levels, i + 1, levels, i, size - i - 1);
        size--;
        levels[size] = null;
    }

    private long key(long price) {
        return bids ? price : -price;
    }

    /** Binary search; the top of the book is checked first because that is where most lookups land. */
    private int search(long k) {
        int hi = size - 1;
        if (hi >= 0 && keys[hi] == k) {
            return hi;
        }
        int lo = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = keys[mid];
            if (v < k) {
                lo = mid + 1;
            } else if (v > k) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }
}
