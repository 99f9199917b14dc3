package io.aviary.simexchange.domain.price;

/**
 * Candles of the trades that actually printed since the venue started ("the seam", rounded up to
 * a whole minute). One-second bars are kept for {@link #SECOND_RETENTION} seconds and minute bars
 * for {@link #MINUTE_RETENTION} minutes; everything older, and everything before the seam, comes
 * from the synthetic history. Both rings see every trade, so minute bars are exact merges of
 * their second bars. Thread-safe.
 */
public final class LiveBars {

    public static final int SECOND_RETENTION = 6 * 3600;
    public static final int MINUTE_RETENTION = 14 * 1440;

    private final long seamSecond;
    private final double stepSize;
    private final BarRing seconds;
    private final BarRing minutes;

    /** @param seamSecond first live second, a multiple of 60; {@code price} is the synthetic price there */
    public LiveBars(long seamSecond, double price, double stepSize) {
        if (seamSecond % 60 != 0) {
            throw new IllegalArgumentException("the seam must be a whole minute");
        }
        this.seamSecond = seamSecond;
        this.stepSize = stepSize;
        this.seconds = new BarRing(SECOND_RETENTION, 1, seamSecond, price);
        this.minutes = new BarRing(MINUTE_RETENTION, 60, seamSecond, price);
    }

    public long seamSecond() {
        return seamSecond;
    }

    public synchronized void record(long epochMillis, double price, long lots, boolean takerBuys) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second < seamSecond) {
            return;
        }
        double quote = lots * stepSize * price;
        seconds.record(second, price, lots, quote, takerBuys);
        minutes.record(second, price, lots, quote, takerBuys);
    }

    /** Keeps flat bars flowing while nothing trades. */
    public synchronized void advanceTo(long epochSecond) {
        seconds.advanceTo(epochSecond);
        minutes.advanceTo(Math.floorDiv(epochSecond, 60));
    }

    /**
     * First second from which bars of {@code intervalSeconds} can be served live: the seam, or
     * the oldest bar still held, whichever is later (for intervals of a minute or more, the
     * minute ring; for one second, the second ring).
     */
    public synchronized long liveFrom(int intervalSeconds) {
        BarRing ring = intervalSeconds % 60 == 0 ? minutes : seconds;
        return Math.max(seamSecond, ring.oldestSecond());
    }

    /** Bar over {@code [from, to)} from live data, or null when nothing is held there. */
    public synchronized CandleBar aggregate(long fromSecond, long toSecond, int intervalSeconds) {
        BarRing ring = intervalSeconds % 60 == 0 && fromSecond % 60 == 0 && toSecond % 60 == 0 ? minutes : seconds;
        return ring.aggregate(fromSecond, toSecond);
    }
}
