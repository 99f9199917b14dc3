package io.aviary.connectors.venues.support;

import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.port.VenueException;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The candle intervals one venue offers and its own code for each, written as one line of
 * {@code wireName=code} pairs ({@code "1m=1min 1h=1hour"}); an interval not in the line is not offered.
 */
public final class IntervalCodes {

    private final String venue;
    private final Map<CandleInterval, String> codes;

    private IntervalCodes(String venue, Map<CandleInterval, String> codes) {
        this.venue = venue;
        this.codes = Collections.unmodifiableMap(codes);
    }

    /** @param venue the venue's display name, for the "not offered" message */
    public static IntervalCodes of(String venue, String table) {
        Map<CandleInterval, String> codes = new EnumMap<>(CandleInterval.class);
        for (String pair : table.trim().split("\\s+")) {
            String[] parts = pair.split("=", 2);
            CandleInterval interval = CandleInterval.fromWireName(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("no candle interval " + parts[0]));
            codes.put(interval, parts[1]);
        }
        return new IntervalCodes(venue, codes);
    }

    /** Every interval, asked by its wire name (venues that speak Hummingbot's names). */
    public static IntervalCodes wireNames(String venue) {
        Map<CandleInterval, String> codes = new EnumMap<>(CandleInterval.class);
        for (CandleInterval interval : CandleInterval.values()) {
            codes.put(interval, interval.wireName());
        }
        return new IntervalCodes(venue, codes);
    }

    public Collection<CandleInterval> supported() {
        return codes.keySet();
    }

    /** The venue's code for {@code interval}; {@link VenueException.Unsupported} when it does not offer it. */
    public String code(String connector, CandleInterval interval) {
        String code = codes.get(interval);
        if (code == null) {
            throw new VenueException.Unsupported(connector,
                    "interval " + interval.wireName() + " is not offered by " + venue);
        }
        return code;
    }
}
