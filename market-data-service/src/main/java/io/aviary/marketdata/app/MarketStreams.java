package io.aviary.marketdata.app;

import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.marketdata.domain.CandleKey;
import io.aviary.marketdata.domain.FeedKey;
import org.springframework.stereotype.Service;

/**
 * Opens the live streams of {@code /ws/market-data}: candles and order books read the shared live feeds (held while
 * the stream is open, so they outlive the feed timeout), trades follow the venue's public tape per stream.
 * Validation is the REST endpoints': unknown connector or pair 404, bad interval 400.
 */
@Service
public class MarketStreams {

    /** Most candles one candles stream carries (the window sent whenever a candle opens). */
    public static final int MAX_CANDLES = 1000;
    /** Most levels per side one order-book stream carries. */
    public static final int MAX_DEPTH = 1000;
    /** Trades buffered per stream between pushes; older ones are dropped beyond it. */
    public static final int TRADE_BUFFER = 1000;

    private final Markets markets;
    private final Feeds feeds;

    public MarketStreams(Markets markets, Feeds feeds) {
        this.markets = markets;
        this.feeds = feeds;
    }

    public MarketStream open(StreamRequest request) {
        ConnectorFactory connector = markets.connector(request.connector());
        TradingPair pair = markets.pair(connector, request.tradingPair());
        String venue = connector.spec().name();
        return switch (request) {
            case StreamRequest.Candles c -> {
                within("max_records", c.maxRecords(), MAX_CANDLES);
                CandleKey key = new CandleKey(venue, pair, markets.interval(connector, c.interval()));
                yield new MarketStream.Candles(new FeedKey.Candles(key).id(),
                        feeds.holdCandles(key, connector.marketData(), c.maxRecords()), c.maxRecords());
            }
            case StreamRequest.OrderBook b -> {
                within("depth", b.depth(), MAX_DEPTH);
                FeedKey.OrderBook key = new FeedKey.OrderBook(venue, pair);
                yield new MarketStream.OrderBook(key.id(), feeds.holdOrderBook(key, connector.marketData()), b.depth());
            }
            case StreamRequest.Trades t -> {
                MarketStream.Trades trades = new MarketStream.Trades("trades_" + venue + "_" + pair, TRADE_BUFFER);
                trades.attach(connector.marketData().subscribeTrades(pair, trades::onTrade));
                yield trades;
            }
        };
    }

    private static void within(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new InvalidRequest(name + " must be between 1 and " + max + ", was " + value);
        }
    }
}
