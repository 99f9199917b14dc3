package io.aviary.marketdata.app;

/** A live market-data feed the service keeps while it is used. */
public sealed interface Feed permits CandleFeed, OrderBookFeed {

    /** {@code "candles"} or {@code "order_book"}, as {@code active-feeds} reports it. */
    String type();

    /** A readable description of what the feed follows. */
    String config();

    /** Stops the feed's streams; harmless twice. */
    void close();
}
