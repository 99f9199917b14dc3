package io.aviary.marketdata.api;

import io.aviary.marketdata.domain.CandleBar;
import java.io.OutputStream;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes candles as Hummingbot's records ({@code timestamp, open, high, low, close, volume,
 * quote_asset_volume, n_trades, taker_buy_base_volume, taker_buy_quote_volume}) straight to the
 * response stream, so a year of candles never sits in memory as objects.
 */
final class CandleJson {

    private CandleJson() {
    }

    /** Writes a JSON array of the candles {@code source} hands to its consumer. */
    static void write(JsonMapper mapper, OutputStream out, Consumer<Consumer<CandleBar>> source) {
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartArray();
            source.accept(c -> write(json, c));
            json.writeEndArray();
        }
    }

    private static void write(JsonGenerator json, CandleBar c) {
        json.writeStartObject();
        json.writeNumberProperty("timestamp", c.timestamp());
        json.writeNumberProperty("open", c.open());
        json.writeNumberProperty("high", c.high());
        json.writeNumberProperty("low", c.low());
        json.writeNumberProperty("close", c.close());
        json.writeNumberProperty("volume", c.volume());
        json.writeNumberProperty("quote_asset_volume", c.quoteAssetVolume());
        json.writeNumberProperty("n_trades", (long) c.trades());
        json.writeNumberProperty("taker_buy_base_volume", c.takerBuyBaseVolume());
        json.writeNumberProperty("taker_buy_quote_volume", c.takerBuyQuoteVolume());
        json.writeEndObject();
    }
}
