package io.aviary.marketdata.api.stream;

import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.port.VenueException;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.stream.LiveStream;
import io.aviary.kit.stream.StreamSource;
import io.aviary.kit.stream.SubscribeMessage;
import io.aviary.marketdata.app.MarketStream;
import io.aviary.marketdata.app.MarketStreams;
import io.aviary.marketdata.app.StreamRequest;
import io.aviary.marketdata.app.StreamUpdate;
import io.aviary.marketdata.domain.CandleBar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code /ws/market-data} streams, in hummingbot-api's wire shapes: {@code candles} (Hummingbot's candle
 * records) and {@code candle_update}, {@code order_book} ({@code [[price, amount], ...]} per side), {@code trades}
 * ({@code {timestamp, price, amount, side}}); timestamps in epoch seconds.
 */
final class MarketDataStreams implements StreamSource {

    private final MarketStreams streams;

    MarketDataStreams(MarketStreams streams) {
        this.streams = streams;
    }

    @Override
    public LiveStream open(SubscribeMessage msg) {
        String type = msg.type("candles", "order_book", "trades");
        String connector = msg.name("connector");
        String pair = msg.name("trading_pair");
        StreamRequest request = switch (type) {
            case "candles" -> new StreamRequest.Candles(connector, pair, msg.name("interval", "1m"),
                    msg.integer("max_records", 100));
            case "order_book" -> new StreamRequest.OrderBook(connector, pair, msg.integer("depth", 10));
            default -> new StreamRequest.Trades(connector, pair);
        };
        MarketStream stream;
        try {
            stream = streams.open(request);
        } catch (VenueException e) {
            throw new Unavailable("Failed to start feed: " + e.getMessage());
        }
        return new Wire(stream);
    }

    /** A market stream whose updates leave as hummingbot-api's messages. */
    private record Wire(MarketStream stream) implements LiveStream {
        @Override
        public String id() {
            return stream.id();
        }

        @Override
        public Optional<Map<String, Object>> poll() {
            return stream.poll().map(MarketDataStreams::body);
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    static Map<String, Object> body(StreamUpdate update) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (update) {
            case StreamUpdate.Candles c -> {
                body.put("type", "candles");
                body.put("data", c.candles().stream().map(MarketDataStreams::candle).toList());
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
                body.put("data", t.trades().stream().map(MarketDataStreams::trade).toList());
                if (t.dropped() > 0) {
                    body.put("dropped", t.dropped()); // Aviary's addition: older trades the buffer could not keep
                }
            }
        }
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
}
