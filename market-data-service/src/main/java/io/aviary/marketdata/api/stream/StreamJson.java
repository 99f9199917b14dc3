package io.aviary.marketdata.api.stream;

import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.marketdata.app.StreamUpdate;
import io.aviary.marketdata.domain.CandleBar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire shapes of hummingbot-api's {@code /ws/market-data}: {@code {"type", "subscription_id", "data", "timestamp"}}
 * with candles as Hummingbot's records, books as {@code [[price, amount], ...]} per side, trades as
 * {@code {timestamp, price, amount, side}}; timestamps in epoch seconds.
 */
final class StreamJson {

    private final JsonMapper mapper;

    StreamJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String render(Outgoing message) {
        Map<String, Object> body = switch (message) {
            case Outgoing.Control c -> c.body();
            case Outgoing.Update u -> update(u.subscriptionId(), u.update());
        };
        return mapper.writeValueAsString(body);
    }

    static Map<String, Object> control(String type, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        body.putIfAbsent("timestamp", now());
        return body;
    }

    static Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("message", message);
        return body;
    }

    private static Map<String, Object> update(String id, StreamUpdate update) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (update) {
            case StreamUpdate.Candles c -> {
                body.put("type", "candles");
                body.put("data", c.candles().stream().map(StreamJson::candle).toList());
            }
            case StreamUpdate.CandleUpdate c -> {
                body.put("type", "candle_update");
                body.put("data", candle(c.candle()));
            }
            case StreamUpdate.OrderBook b -> {
                body.put("type", "order_book");
                body.put("data", Map.of("bids", levels(b.bids()), "asks", levels(b.asks())));
            }
            case StreamUpdate.Trades t -> {
                body.put("type", "trades");
                body.put("data", t.trades().stream().map(StreamJson::trade).toList());
                if (t.dropped() > 0) {
                    body.put("dropped", t.dropped()); // Aviary's addition: older trades the buffer could not keep
                }
            }
        }
        body.put("subscription_id", id);
        body.put("timestamp", now());
        return body;
    }

    private static Map<String, Object> candle(CandleBar c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("timestamp", c.timestamp());
        row.put("open", c.open());
        row.put("high", c.high());
        row.put("low", c.low());
        row.put("close", c.close());
        row.put("volume", c.volume());
        row.put("quote_asset_volume", c.quoteAssetVolume());
        row.put("n_trades", (long) c.trades());
        row.put("taker_buy_base_volume", c.takerBuyBaseVolume());
        row.put("taker_buy_quote_volume", c.takerBuyQuoteVolume());
        return row;
    }

    private static List<double[]> levels(List<PriceLevel> side) {
        return side.stream().map(l -> new double[] {l.price().doubleValue(), l.amount().doubleValue()}).toList();
    }

    private static Map<String, Object> trade(PublicTrade t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("timestamp", t.timestamp().toEpochMilli() / 1000.0);
        row.put("price", t.price().doubleValue());
        row.put("amount", t.amount().doubleValue());
        row.put("side", t.takerSide().name().toLowerCase(Locale.ROOT));
        return row;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
