package io.aviary.simexchange.app;

import java.util.Arrays;
import java.util.Optional;

/**
 * Candle intervals (Hummingbot's generic set). Bars are aligned to multiples of the interval since
 * the epoch (so a week starts on a Thursday and a "month" is 30 days, as in the generic map).
 */
public enum Interval {
    S1("1s", 1), M1("1m", 60), M3("3m", 180), M5("5m", 300), M15("15m", 900), M30("30m", 1800),
    H1("1h", 3600), H2("2h", 7200), H4("4h", 14400), H6("6h", 21600), H8("8h", 28800), H12("12h", 43200),
    D1("1d", 86400), D3("3d", 259200), W1("1w", 604800), MO1("1M", 2592000);

    private final String wireName;
    private final int seconds;

    Interval(String wireName, int seconds) {
        this.wireName = wireName;
        this.seconds = seconds;
    }

    public String wireName() {
        return wireName;
    }

    public int seconds() {
        return seconds;
    }

    public static Optional<Interval> fromWireName(String name) {
        return Arrays.stream(values()).filter(i -> i.wireName.equals(name)).findFirst();
    }
}
