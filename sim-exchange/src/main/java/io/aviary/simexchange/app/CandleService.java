package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.event.PublicTrade;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.event.VenueEventListener;
import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.model.Side;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.price.CandleBar;
import io.aviary.simexchange.domain.price.LiveBars;
import io.aviary.simexchange.domain.price.SyntheticMarket;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Candles for any range. The seam: before the minute this process started, candles come from the
 * deterministic synthetic history of the seed; from that minute on, from the trades that actually
 * printed on the venue (simulated flow and accounts alike), kept for {@link LiveBars#SECOND_RETENTION}
 * s at 1 s and {@link LiveBars#MINUTE_RETENTION} min at 1 m — older live periods fall back to the
 * synthetic history. A candle spanning the seam merges both. Because the simulated participants
 * quote around the same synthetic path, the two sides of the seam join without a jump.
 */
public final class CandleService implements VenueEventListener {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 500;

    private record Key(VenueKind kind, String symbol) {
    }

    private final PriceOracle oracle;
    private final VenueConfig config;
    private final LongSupplier clock;
    private final Map<Key, LiveBars> live = new HashMap<>();
    private final Map<Key, MarketRules> rules = new HashMap<>();

    public CandleService(VenueConfig config, PriceOracle oracle, LongSupplier clock) {
        this.config = config;
        this.oracle = oracle;
        this.clock = clock;
        long seam = Math.floorDiv(clock.getAsLong() / 1000, 60) * 60;
        register(VenueKind.SPOT, config.spotMarkets(), seam);
        register(VenueKind.PERPETUAL, config.perpMarkets(), seam);
    }

    private void register(VenueKind kind, List<MarketConfig> markets, long seam) {
        for (MarketConfig m : markets) {
            Key key = new Key(kind, m.symbol());
            double price = oracle.synthetic(kind, m.symbol()).priceAt(seam);
            live.put(key, new LiveBars(seam, price, m.stepSize().doubleValue()));
            rules.put(key, m.rules());
        }
    }

    @Override
    public void onEvents(List<VenueEvent> events) {
        for (VenueEvent e : events) {
            if (e instanceof VenueEvent.TradePrinted t) {
                LiveBars bars = live.get(new Key(t.venue(), t.symbol()));
                PublicTrade trade = t.trade();
                MarketRules r = rules.get(new Key(t.venue(), t.symbol()));
                long lots = trade.amount().divide(r.stepSize()).longValue();
                bars.record(trade.timestamp(), trade.price().doubleValue(), lots, trade.takerSide() == Side.BUY);
            }
        }
    }

    /** Keeps live bars moving while a market is idle. */
    public void advance(long epochMillis) {
        live.values().forEach(b -> b.advanceTo(epochMillis / 1000));
    }

    /**
     * Candles whose open time lies in {@code [start, end)}, oldest first, at most {@code limit}
     * (capped at {@link #MAX_LIMIT}). Without {@code start}: the latest {@code limit} candles before
     * {@code end} (default now, including the candle in progress).
     */
    public List<Candle> candles(VenueKind kind, String symbol, Interval interval, Long startMillis, Long endMillis,
            Integer limit) {
        Key key = key(kind, symbol);
        long n = interval.seconds();
        long nowSec = clock.getAsLong() / 1000;
        int max = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, limit));
        long last = Math.floorDiv(nowSec, n) * n;
        if (endMillis != null) {
            last = Math.min(last, Math.floorDiv(Math.floorDiv(endMillis - 1, 1000L), n) * n);
        }
        long first = startMillis != null ? ceilDiv(ceilDiv(startMillis, 1000L), n) * n : last - (max - 1) * n;
        first = Math.max(first, ceilDiv(config.historyStart().getEpochSecond(), n) * n);
        if (first > last) {
            return List.of();
        }
        int count = (int) Math.min(max, (last - first) / n + 1);
        return bars(key, first, (int) n, count).stream().map(b -> toCandle(b, rules.get(key))).toList();
    }

    private List<CandleBar> bars(Key key, long first, int n, int count) {
        SyntheticMarket synthetic = oracle.synthetic(key.kind(), key.symbol());
        LiveBars liveBars = live.get(key);
        long liveFrom = liveBars.liveFrom(n);
        int syntheticCount = (int) Math.max(0, Math.min(count, Math.floorDiv(liveFrom - first, n)));
        List<CandleBar> out = new ArrayList<>(synthetic.bars(first, n, syntheticCount));
        for (int i = syntheticCount; i < count; i++) {
            long open = first + (long) i * n;
            out.add(mixed(synthetic, liveBars, open, open + n, liveFrom, n));
        }
        return out;
    }

    /** One bar over {@code [from, to)}: synthetic before {@code liveFrom}, live after. */
    private static CandleBar mixed(SyntheticMarket synthetic, LiveBars liveBars, long from, long to, long liveFrom,
            int n) {
        CandleBar before = from < liveFrom ? synthetic.aggregate(from, Math.min(to, liveFrom)) : null;
        CandleBar after = to > liveFrom ? liveBars.aggregate(Math.max(from, liveFrom), to, n) : null;
        if (before == null) {
            return after != null ? after.at(from) : synthetic.aggregate(from, to);
        }
        return after == null ? before : before.merge(after);
    }

    /** One bar over the minutes {@code [from, to)} (multiples of 60 s), e.g. the last 24 hours for tickers. */
    public Candle window(VenueKind kind, String symbol, long fromSecond, long toSecond) {
        Key key = key(kind, symbol);
        LiveBars liveBars = live.get(key);
        CandleBar bar = mixed(oracle.synthetic(kind, symbol), liveBars, fromSecond, toSecond, liveBars.liveFrom(60), 60);
        return toCandle(bar, rules.get(key));
    }

    private Key key(VenueKind kind, String symbol) {
        Key key = new Key(kind, symbol);
        if (!live.containsKey(key)) {
            oracle.synthetic(kind, symbol); // throws UNKNOWN_MARKET
        }
        return key;
    }

    private static Candle toCandle(CandleBar b, MarketRules r) {
        BigDecimal step = r.stepSize();
        return new Candle(b.openTime() * 1000, price(b.open(), r), price(b.high(), r), price(b.low(), r),
                price(b.close(), r), step.multiply(BigDecimal.valueOf(b.volumeLots())), quote(b.quoteVolume()),
                b.trades(), step.multiply(BigDecimal.valueOf(b.takerBuyLots())), quote(b.takerBuyQuoteVolume()));
    }

    private static BigDecimal price(double v, MarketRules r) {
        return PriceOracle.round(v, r.tickSize());
    }

    private static BigDecimal quote(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
