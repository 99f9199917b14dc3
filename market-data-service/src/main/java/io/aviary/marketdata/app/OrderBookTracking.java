package io.aviary.marketdata.app;

import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.kit.failure.Unavailable;
import io.aviary.marketdata.domain.BookView;
import io.aviary.marketdata.domain.FeedKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Hummingbot API HEAD's order-book tracker operations on market-data-service's live order-book feeds: add a pair
 * (open its feed, keep it until removed, wait for the first book), remove it, look at a connector's books, and
 * restart them. A connector's "tracker" is the set of its open order-book feeds, whoever opened them.
 */
@Service
public class OrderBookTracking {

    /** One book as the diagnostics show it; prices null while the book is not in sync. */
    public record BookState(String pair, boolean synced, BigDecimal bestBid, BigDecimal bestAsk, int bidCount,
            int askCount, long sequence, long resyncs) {
    }

    public record Diagnostics(String connectorType, String connector, List<BookState> books, boolean streaming) {

        public boolean ready() {
            return !books.isEmpty() && books.stream().allMatch(BookState::synced);
        }
    }

    private final Markets markets;
    private final Feeds feeds;

    public OrderBookTracking(Markets markets, Feeds feeds) {
        this.markets = markets;
        this.feeds = feeds;
    }

    /** Opens and pins the pair's feed, then waits up to {@code timeout} for its first book (503 after that). */
    public void add(String connectorName, String pair, Duration timeout) {
        ConnectorFactory connector = markets.connector(connectorName);
        FeedKey.OrderBook key = new FeedKey.OrderBook(connector.spec().name(), markets.pair(connector, pair));
        feeds.track(key, connector.marketData()).view(timeout);
    }

    /** Stops the pair's feed; false when it had none. */
    public boolean remove(String connectorName, String pair) {
        ConnectorFactory connector = markets.connector(connectorName);
        return feeds.untrack(new FeedKey.OrderBook(connector.spec().name(), markets.pair(connector, pair)));
    }

    public Diagnostics diagnostics(String connectorName) {
        ConnectorFactory connector = markets.connector(connectorName);
        List<OrderBookFeed> books = feeds.orderBooks(connector.spec().name());
        List<BookState> states = books.stream().map(OrderBookTracking::state).toList();
        return new Diagnostics(connector.marketData().getClass().getSimpleName(), connector.spec().name(), states,
                !books.isEmpty() && books.stream().allMatch(OrderBookFeed::streaming));
    }

    /**
     * Resubscribes every order book of the connector and waits (up to the ready timeout each) for it to be in sync;
     * returns the pairs restarted, and per pair the reason it did not come back in sync, if any.
     */
    public Map<String, Optional<String>> restart(String connectorName) {
        ConnectorFactory connector = markets.connector(connectorName);
        Map<String, Optional<String>> outcome = new LinkedHashMap<>();
        for (OrderBookFeed feed : feeds.orderBooks(connector.spec().name())) {
            try {
                feed.restart(feeds.readyTimeout());
                outcome.put(feed.key().pair().toString(), Optional.empty());
            } catch (Unavailable | io.aviary.connectors.port.VenueException e) {
                outcome.put(feed.key().pair().toString(), Optional.of(e.getMessage()));
            }
        }
        return outcome;
    }

    private static BookState state(OrderBookFeed feed) {
        Optional<BookView> view = feed.current();
        List<PriceLevel> bids = view.map(v -> v.bids(Integer.MAX_VALUE)).orElse(new ArrayList<>());
        List<PriceLevel> asks = view.map(v -> v.asks(Integer.MAX_VALUE)).orElse(new ArrayList<>());
        return new BookState(feed.key().pair().toString(), view.isPresent(),
                bids.isEmpty() ? null : bids.getFirst().price(), asks.isEmpty() ? null : asks.getFirst().price(),
                bids.size(), asks.size(), view.map(BookView::sequence).orElse(0L), feed.resyncs());
    }
}
