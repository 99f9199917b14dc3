package io.aviary.marketdata.app;

/** What a WebSocket client subscribes to ({@code /ws/market-data}); names as the client sends them, not yet checked. */
public sealed interface StreamRequest {

    String connector();

    String tradingPair();

    /** The last {@code maxRecords} candles of the pair at {@code interval}. */
    record Candles(String connector, String tradingPair, String interval, int maxRecords) implements StreamRequest {
    }

    /** The best {@code depth} levels of each side of the pair's book. */
    record OrderBook(String connector, String tradingPair, int depth) implements StreamRequest {
    }

    /** The pair's public trades as they print. */
    record Trades(String connector, String tradingPair) implements StreamRequest {
    }
}
