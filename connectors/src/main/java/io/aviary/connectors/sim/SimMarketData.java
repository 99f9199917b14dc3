package io.aviary.connectors.sim;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.FundingRate;
import io.aviary.connectors.model.OrderBookDiff;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.OrderBookListener;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.VenueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Public data of the simulated venue over REST, and live books and trades over one shared
 * WebSocket (opened on the first subscription, closed when the last one ends). Books: the venue
 * sends a snapshot on subscribe, then diffs; each listener's {@link BookSync} passes only
 * contiguous diffs and a gap makes the connector subscribe again, which brings a fresh snapshot.
 */
final class SimMarketData implements MarketDataConnector {

    /** The venue's page size for candles. */
    static final int MAX_CANDLES_PER_REQUEST = 1000;
    /** The venue's page size of {@code /perp/funding-rates}. */
    static final int MAX_FUNDING_RATES_PER_REQUEST = 1000;

    private final SimVenue venue;
    private final SimHttp http;
    private final Map<String, List<BookSync>> books = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<PublicTrade>>> trades = new ConcurrentHashMap<>();
    private final Set<String> dropNextDiff = ConcurrentHashMap.newKeySet();
    private volatile SimSocket socket;

    SimMarketData(SimVenue venue, SimHttp http) {
        this.venue = venue;
        this.http = http;
    }

    @Override
    public String name() {
        return venue.connector();
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        Map<TradingPair, TradingRule> rules = new LinkedHashMap<>();
        for (JsonNode m : http.get(venue.path("/markets"), null)) {
            TradingRule rule = SimWire.rule(m, venue.perpetual());
            rules.put(rule.tradingPair(), rule);
        }
        return rules;
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        Set<TradingPair> wanted = new HashSet<>(pairs);
        Map<TradingPair, BigDecimal> prices = new LinkedHashMap<>();
        for (JsonNode t : http.get(venue.path("/tickers"), null)) {
            TradingPair pair = SimWire.pair(t);
            if (wanted.contains(pair)) {
                prices.put(pair, SimWire.dec(t.get("last_price")));
            }
        }
        return prices;
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        return SimWire.snapshot(http.get(venue.path("/depth"), SimHttp.query("symbol", pair, "limit", depth)));
    }

    @Override
    public Subscription subscribeOrderBook(TradingPair pair, OrderBookListener listener) {
        orderBook(pair, 1); // an unknown pair fails here, synchronously, as NotFound
        BookSync sync = new BookSync(listener);
        String key = "book:" + pair;
        books.computeIfAbsent(pair.toString(), k -> new CopyOnWriteArrayList<>()).add(sync);
        // subscribing again makes the venue send this listener its snapshot
        socket().subscribe(key, subscribeMessage("subscribe", "book", pair));
        return once(() -> remove(books, pair, sync, key, "book"));
    }

    @Override
    public Subscription subscribeTrades(TradingPair pair, Consumer<PublicTrade> listener) {
        orderBook(pair, 1);
        String key = "trades:" + pair;
        trades.computeIfAbsent(pair.toString(), k -> new CopyOnWriteArrayList<>()).add(listener);
        socket().subscribe(key, subscribeMessage("subscribe", "trades", pair));
        return once(() -> remove(trades, pair, listener, key, "trades"));
    }

    private <T> void remove(Map<String, List<T>> registry, TradingPair pair, T item, String key, String channel) {
        List<T> list = registry.get(pair.toString());
        if (list != null && list.remove(item) && list.isEmpty()) {
            synchronized (this) {
                if (socket != null) {
                    socket.unsubscribe(key, subscribeMessage("unsubscribe", channel, pair));
                    if (!socket.hasSubscriptions()) {
                        socket.close();
                        socket = null;
                    }
                }
            }
        }
    }

    private synchronized SimSocket socket() {
        if (socket == null) {
            socket = new SimSocket(venue, List::of, this::onMessage, this::onDisconnect);
        }
        return socket;
    }

    private String subscribeMessage(String op, String channel, TradingPair pair) {
        return venue.json().writeValueAsString(Map.of("op", op, "channel", channel, "venue", venue.namespace(),
                "symbol", pair.toString()));
    }

    private void onMessage(JsonNode message) {
        String type = message.path("type").asString("");
        String symbol = message.path("symbol").asString("");
        JsonNode data = message.path("data");
        switch (type) {
            case "book_snapshot" -> {
                OrderBookSnapshot snapshot = SimWire.snapshot(data);
                books.getOrDefault(symbol, List.of()).forEach(s -> s.onSnapshot(snapshot));
            }
            case "book_diff" -> onDiff(symbol, data);
            case "trade" -> {
                PublicTrade trade = SimWire.trade(data);
                trades.getOrDefault(symbol, List.of()).forEach(l -> l.accept(trade));
            }
            default -> {
                // acks, pongs; errors of subscriptions were caught synchronously before subscribing
            }
        }
    }

    private void onDiff(String symbol, JsonNode data) {
        if (dropNextDiff.remove(symbol)) {
            return;
        }
        OrderBookDiff diff = SimWire.diff(TradingPair.parse(symbol), data);
        boolean gap = false;
        for (BookSync sync : books.getOrDefault(symbol, List.of())) {
            gap |= !sync.onDiff(diff);
        }
        if (gap) {
            SimSocket s = socket;
            if (s != null) {
                s.resubscribeLater("book:" + symbol);
            }
        }
    }

    private void onDisconnect(Throwable cause) {
        books.values().forEach(list -> list.forEach(s -> s.onDisconnect(cause)));
    }

    /** Test hook: lose the next diff of {@code pair} as if a message went missing. */
    void dropNextDiff(TradingPair pair) {
        dropNextDiff.add(pair.toString());
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        List<Candle> out = new ArrayList<>();
        long cursor = start.toEpochMilli();
        long endMillis = end.toEpochMilli();
        while (out.size() < limit && cursor < endMillis) {
            int n = Math.min(MAX_CANDLES_PER_REQUEST, limit - out.size());
            JsonNode page = http.get(venue.path("/candles"), SimHttp.query("symbol", pair, "interval",
                    interval.wireName(), "start_time", cursor, "end_time", endMillis, "limit", n));
            for (JsonNode c : page) {
                out.add(SimWire.candle(c));
            }
            if (page.size() < n) {
                break;
            }
            cursor = out.get(out.size() - 1).openTime().toEpochMilli() + interval.seconds() * 1000;
        }
        return out;
    }

    @Override
    public Collection<CandleInterval> candleIntervals() {
        return EnumSet.allOf(CandleInterval.class);
    }

    @Override
    public FundingInfo fundingInfo(TradingPair pair) {
        if (!venue.perpetual()) {
            throw new VenueException.Unsupported(venue.connector(), "funding exists on sim_perpetual only");
        }
        return SimWire.fundingInfo(http.get(venue.path("/funding-info"), SimHttp.query("symbol", pair)));
    }

    @Override
    public List<FundingRate> fundingRates(TradingPair pair, Instant start, Instant end, int limit) {
        if (!venue.perpetual()) {
            throw new VenueException.Unsupported(venue.connector(), "funding exists on sim_perpetual only");
        }
        List<FundingRate> out = new ArrayList<>();
        long cursor = start.toEpochMilli();
        long endMillis = end.toEpochMilli();
        while (out.size() < limit && cursor < endMillis) {
            int n = Math.min(MAX_FUNDING_RATES_PER_REQUEST, limit - out.size());
            JsonNode page = http.get(venue.path("/funding-rates"), SimHttp.query("symbol", pair, "start_time", cursor,
                    "end_time", endMillis, "limit", n));
            for (JsonNode f : page) {
                out.add(SimWire.fundingRate(f));
            }
            if (page.size() < n) {
                break;
            }
            cursor = out.get(out.size() - 1).fundingTime().toEpochMilli() + 1;
        }
        return out;
    }

    /** A subscription whose close runs once. */
    static Subscription once(Runnable close) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                close.run();
            }
        };
    }
}
