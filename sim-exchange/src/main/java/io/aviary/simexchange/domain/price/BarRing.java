package io.aviary.simexchange.domain.price;

/**
 * Fixed-size ring of consecutive bars of one bucket length, built from live trades. Bars are
 * continuous: a bar opens at the previous bar's close, its high/low include that open, and a bar
 * without trades is flat. That convention is what makes one-second bars merge exactly into
 * minute bars.
 */
final class BarRing {

    private final int capacity;
    private final int bucketSeconds;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] quote;
    private final double[] takerBuyQuote;
    private final long[] volume;
    private final long[] takerBuy;
    private final long[] trades;
    private long first;
    private long last;

    BarRing(int capacity, int bucketSeconds, long startSecond, double startPrice) {
        this.capacity = capacity;
        this.bucketSeconds = bucketSeconds;
        open = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        close = new double[capacity];
        quote = new double[capacity];
        takerBuyQuote = new double[capacity];
        volume = new long[capacity];
        takerBuy = new long[capacity];
        trades = new long[capacity];
        first = Math.floorDiv(startSecond, bucketSeconds);
        last = first;
        reset(slot(first), startPrice);
    }

    long oldestSecond() {
        return first * bucketSeconds;
    }

    /** End (exclusive) of the newest bar. */
    long endSecond() {
        return (last + 1) * bucketSeconds;
    }

    void record(long second, double price, long lots, double quoteAmount, boolean takerBuys) {
        long b = Math.floorDiv(second, bucketSeconds);
        if (b < first) {
            return;
        }
        advanceTo(b);
        int s = slot(b);
        high[s] = Math.max(high[s], price);
        low[s] = Math.min(low[s], price);
        close[s] = price;
        volume[s] += lots;
        quote[s] += quoteAmount;
        trades[s]++;
        if (takerBuys) {
            takerBuy[s] += lots;
            takerBuyQuote[s] += quoteAmount;
        }
    }

    /** Opens empty bars up to bucket {@code b}, each at the previous close. */
    void advanceTo(long b) {
        while (last < b) {
            double carried = close[slot(last)];
            last++;
            reset(slot(last), carried);
            if (last - first >= capacity) {
                first = last - capacity + 1;
            }
        }
    }

    /** Merge of the bars covering {@code [from, to)} (multiples of the bucket), or null if none is held. */
    CandleBar aggregate(long fromSecond, long toSecond) {
        long b0 = Math.max(Math.floorDiv(fromSecond, bucketSeconds), first);
        long b1 = Math.min(Math.floorDiv(toSecond, bucketSeconds) - 1, last);
        if (b0 > b1) {
            return null;
        }
        int s0 = slot(b0);
        double hi = high[s0];
        double lo = low[s0];
        long vol = 0;
        long buys = 0;
        long n = 0;
        double q = 0;
        double bq = 0;
        for (long b = b0; b <= b1; b++) {
            int s = slot(b);
            hi = Math.max(hi, high[s]);
            lo = Math.min(lo, low[s]);
            vol += volume[s];
            buys += takerBuy[s];
            n += trades[s];
            q += quote[s];
            bq += takerBuyQuote[s];
        }
        return new CandleBar(fromSecond, open[s0], hi, lo, close[slot(b1)], vol, q, n, buys, bq);
    }

    private void reset(int s, double price) {
        open[s] = price;
        high[s] = price;
        low[s] = price;
        close[s] = price;
        quote[s] = 0;
        takerBuyQuote[s] = 0;
        volume[s] = 0;
        takerBuy[s] = 0;
        trades[s] = 0;
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) capacity);
    }
}
