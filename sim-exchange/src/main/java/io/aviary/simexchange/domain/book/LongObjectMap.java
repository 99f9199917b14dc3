package io.aviary.simexchange.domain.book;

import java.util.Arrays;

/**
 * Open-addressing long → object map (linear probing, backward-shift deletion) so the order index
 * needs no boxing. Key 0 is reserved as "empty"; order ids start at 1.
 */
final class LongObjectMap<V> {

    private long[] keys;
    private Object[] values;
    private int mask;
    private int size;

    LongObjectMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new Object[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == 0) {
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, V value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(key);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    @SuppressWarnings("unchecked")
    V remove(long key) {
        int i = slot(key);
        while (keys[i] != key) {
            if (keys[i] == 0) {
                return null;
            }
            i = (i + 1) & mask;
        }
        V old = (V) values[i];
        shiftBack(i);
        size--;
        return old;
    }

    /** Closes the hole at {@code hole} by moving later members of the probe run back. */
    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            long k = keys[i];
            if (k == 0) {
                break;
            }
            int home = slot(k);
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                keys[hole] = k;
                values[hole] = values[i];
                hole = i;
            }
        }
        keys[hole] = 0;
        values[hole] = null;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i] == null ? null : castValue(oldValues[i]));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private V castValue(Object o) {
        return (V) o;
    }

    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(values, null);
        size = 0;
    }
}
