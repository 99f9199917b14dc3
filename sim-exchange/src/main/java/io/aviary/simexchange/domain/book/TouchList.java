package io.aviary.simexchange.domain.book;

import java.util.Arrays;

/** Prices of levels touched since the last drain; duplicates are folded lazily. */
final class TouchList {

    private long[] prices = new long[64];
    private int count;

    void add(long price) {
        if (count > 0 && prices[count - 1] == price) {
            return;
        }
        if (count == prices.length) {
            compact();
            if (count > prices.length / 2) {
                prices = Arrays.copyOf(prices, prices.length * 2);
            }
        }
        prices[count++] = price;
    }

    /** Each touched price once, descending when {@code descending}; then empties the list. */
    void drain(boolean descending, java.util.function.LongConsumer consumer) {
        compact();
        for (int i = 0; i < count; i++) {
            consumer.accept(descending ? prices[count - 1 - i] : prices[i]);
        }
        count = 0;
    }

    void clear() {
        count = 0;
    }

    private void compact() {
        Arrays.sort(prices, 0, count);
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (n == 0 || prices[n - 1] != prices[i]) {
                prices[n++] = prices[i];
            }
        }
        count = n;
    }
}
