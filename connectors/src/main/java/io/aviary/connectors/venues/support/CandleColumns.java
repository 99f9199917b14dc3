package io.aviary.connectors.venues.support;

import io.aviary.connectors.model.Candle;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Where a venue puts each value in a candle row sent as an array ({@code [time, open, …]}); venues
 * agree on the values but not on their order or on the time unit. Trade counts and taker volumes are
 * not sent by these venues and read as zero.
 */
public record CandleColumns(boolean millis, int time, int open, int high, int low, int close, int volume,
        int quoteVolume) {

    public static CandleColumns seconds(int time, int open, int high, int low, int close, int volume, int quoteVolume) {
        return new CandleColumns(false, time, open, high, low, close, volume, quoteVolume);
    }

    public static CandleColumns millis(int time, int open, int high, int low, int close, int volume, int quoteVolume) {
        return new CandleColumns(true, time, open, high, low, close, volume, quoteVolume);
    }

    public Candle candle(JsonNode row) {
        long t = Json.lng(row.get(time), 0);
        return new Candle(millis ? Instant.ofEpochMilli(t) : Instant.ofEpochSecond(t), Json.dec(row.get(open)),
                Json.dec(row.get(high)), Json.dec(row.get(low)), Json.dec(row.get(close)), Json.dec(row.get(volume)),
                Json.dec(row.get(quoteVolume)), 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
