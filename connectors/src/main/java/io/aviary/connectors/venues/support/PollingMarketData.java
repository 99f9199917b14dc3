package io.aviary.connectors.venues.support;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.OrderBookListener;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.VenueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Base of venue market-data connectors whose live streams are polled: the book stream sends a fresh
 * snapshot every poll (a consumer treats each as a resync), the trade stream sends trades not yet seen.
 * Spot venues inherit {@link #fundingInfo} throwing {@link VenueException.Unsupported}.
 */
public abstract class PollingMarketData<A extends SignedRestApi> implements MarketDataConnector {

    protected static final int STREAM_BOOK_DEPTH = 50;

    protected final String name;
    protected final Duration pollInterval;
    /** The venue's REST API, unsigned: market data reads public endpoints only. */
    protected final A api;
    private final IntervalCodes intervals;
    private volatile Map<String, TradingPair> symbols = Map.of();

    /** @param intervals the candle intervals the venue offers, with its code for each */
    protected PollingMarketData(String name, Duration pollInterval, IntervalCodes intervals, A api) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.intervals = intervals;
        this.api = api;
    }

    protected PollingMarketData(VenueContext venue, A api) {
        this(venue.name(), venue.pollInterval(), venue.intervals(), api);
    }

    @Override
    public String name() {
        return name;
    }

    /** The venue's most recent public trades of {@code pair}, any order. */
    protected abstract List<PublicTrade> recentTrades(TradingPair pair);

    @Override
    public Subscription subscribeOrderBook(TradingPair pair, OrderBookListener listener) {
        return Polling.every(pollInterval, () -> listener.onSnapshot(orderBook(pair, STREAM_BOOK_DEPTH)),
                listener::onDisconnect);
    }

    @Override
    public Subscription subscribeTrades(TradingPair pair, Consumer<PublicTrade> listener) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        boolean[] primed = {false};
        return Polling.every(pollInterval, () -> {
            List<PublicTrade> trades = recentTrades(pair).stream()
                    .sorted(Comparator.comparing(PublicTrade::timestamp)).toList();
            for (PublicTrade t : trades) {
                if (seen.add(t.tradeId()) && primed[0]) {
                    listener.accept(t);
                }
            }
            primed[0] = true; // the first poll only learns what is already on the tape
            while (seen.size() > 5000) {
                seen.remove(seen.iterator().next());
            }
        }, t -> { });
    }

    @Override
    public FundingInfo fundingInfo(TradingPair pair) {
        throw new VenueException.Unsupported(name, "funding info is only available on perpetual connectors");
    }

    @Override
    public Collection<CandleInterval> candleIntervals() {
        return intervals.supported();
    }

    /** Keeps the venue-symbol → pair table read along with the trading rules, for {@link #pairOf}. */
    protected void rememberSymbols(Map<String, TradingPair> bySymbol) {
        symbols = Map.copyOf(bySymbol);
    }

    /**
     * The pair of a venue symbol ({@code BTCUSDT}), reading the trading rules first when no symbol is known
     * yet; null when the venue does not list it.
     */
    public TradingPair pairOf(String symbol) {
        if (symbols.isEmpty()) {
            tradingRules();
        }
        return symbols.get(symbol);
    }

    /** The pair of a venue symbol from the table as it stands (no reading); null when unknown. */
    protected TradingPair knownPair(String symbol) {
        return symbols.get(symbol);
    }

    /** The venue's own code for {@code interval}; {@link VenueException.Unsupported} when it does not offer it. */
    protected String intervalCode(CandleInterval interval) {
        return intervals.code(name, interval);
    }

    /** One page of a venue's candle rows opening in {@code [from, to)}, asked with its interval code. */
    @FunctionalInterface
    protected interface CandleRows {
        JsonNode fetch(String code, Instant from, Instant to, int count);
    }

    /**
     * Candles of a venue that sends them as array rows: paged through its per-request maximum with
     * {@link CandlePager}, each row read by {@code columns}.
     */
    protected List<Candle> pagedCandles(CandleInterval interval, Instant start, Instant end, int limit,
            int maxPerRequest, CandleColumns columns, CandleRows rows) {
        String code = intervalCode(interval);
        return CandlePager.page(interval, start, end, limit, maxPerRequest, (from, to, count) ->
                Json.list(rows.fetch(code, from, to, count)).stream().map(columns::candle).toList());
    }

    /**
     * The trading rules of the listed rows: {@code listed} says whether a row trades, {@code pairOf} names its
     * pair and {@code ruleOf} reads its rule. A row whose pair Hummingbot cannot name (BASE-QUOTE) is left out.
     */
    protected static Map<TradingPair, TradingRule> rules(List<JsonNode> rows, Predicate<JsonNode> listed,
            Function<JsonNode, TradingPair> pairOf, BiFunction<TradingPair, JsonNode, TradingRule> ruleOf) {
        Map<TradingPair, TradingRule> out = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            if (!listed.test(row)) {
                continue;
            }
            try {
                TradingPair pair = pairOf.apply(row);
                out.put(pair, ruleOf.apply(pair, row));
            } catch (IllegalArgumentException skipped) {
                // not nameable as BASE-QUOTE
            }
        }
        return out;
    }

    /**
     * The {@code priceField} of the ticker rows whose pair is wanted; a row whose pair is unknown (null) or
     * not nameable as BASE-QUOTE, or that has no price, is skipped.
     */
    protected static Map<TradingPair, BigDecimal> prices(Collection<TradingPair> wanted, List<JsonNode> rows,
            Function<JsonNode, TradingPair> pairOf, String priceField) {
        Set<TradingPair> want = Set.copyOf(wanted);
        Map<TradingPair, BigDecimal> out = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            try {
                TradingPair pair = pairOf.apply(row);
                if (pair != null && want.contains(pair) && Json.dec(row, priceField) != null) {
                    out.put(pair, Json.dec(row, priceField));
                }
            } catch (IllegalArgumentException ignored) {
                // not a pair of ours
            }
        }
        return out;
    }

    /** A book whose sides are sent as {@code [[price, amount, ...], ...]}, cut to {@code depth} levels. */
    protected static OrderBookSnapshot snapshot(TradingPair pair, long sequence, Instant time, JsonNode bids,
            JsonNode asks, int depth) {
        return new OrderBookSnapshot(pair, sequence, time, Json.priceLevels(bids, depth), Json.priceLevels(asks, depth));
    }

    /** {@link TradeType#SELL} when the venue's side text is {@code sellWord}, else BUY. */
    protected static TradeType side(JsonNode row, String field, String sellWord) {
        return sellWord.equals(Json.str(row, field)) ? TradeType.SELL : TradeType.BUY;
    }
}
