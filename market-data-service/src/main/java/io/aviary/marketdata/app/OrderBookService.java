package io.aviary.marketdata.app;

import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.marketdata.domain.BookView;
import io.aviary.marketdata.domain.FeedKey;
import org.springframework.stereotype.Service;

/** Order books and their queries, answered from the live order-book feed of the pair. */
@Service
public class OrderBookService {

    private final Markets markets;
    private final Feeds feeds;

    public OrderBookService(Markets markets, Feeds feeds) {
        this.markets = markets;
        this.feeds = feeds;
    }

    /** The live book of the pair (its feed is created on first use and kept while used). */
    public BookView book(String connectorName, String pair) {
        ConnectorFactory connector = markets.connector(connectorName);
        FeedKey.OrderBook key = new FeedKey.OrderBook(connector.spec().name(), markets.pair(connector, pair));
        return feeds.orderBook(key, connector.marketData()).view(feeds.readyTimeout());
    }
}
