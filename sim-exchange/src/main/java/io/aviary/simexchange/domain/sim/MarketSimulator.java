package io.aviary.simexchange.domain.sim;

import io.aviary.simexchange.domain.exchange.EventBuffer;
import io.aviary.simexchange.domain.exchange.Exchange;
import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.price.Rng;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The simulated participants of one market. A market maker keeps {@code levels} quotes per side
 * on a fixed price grid around the fair price: when the fair price moves less than one grid step
 * nothing changes, when it crosses a grid line one level appears at the top and one disappears at
 * the bottom — so the book is deep and stable and its diffs are small. Levels a taker consumed are
 * refilled on the next step. Takers send market orders at a Poisson rate, leaning towards the side
 * that moves the book to the fair price. Both trade through the real matching engine, so account
 * orders in the way get filled exactly as a real counterparty would fill them.
 */
public final class MarketSimulator {

    public static final long MAKER_ACCOUNT = -1;

    private final Exchange exchange;
    private final String symbol;
    private final MarketRules rules;
    private final FlowParams params;
    private final Rng rng;
    private final long sizeSeed;
    private final double tick;
    private final long minLots;
    /** A resting house quote: its order id and the size it was placed with. */
    private record Quote(long orderId, long lots) {
    }

    private final Map<Long, Quote> bids = new HashMap<>();
    private final Map<Long, Quote> asks = new HashMap<>();
    private long grid;

    public MarketSimulator(Exchange exchange, String symbol, FlowParams params, long seed) {
        this.exchange = exchange;
        this.symbol = symbol;
        this.rules = exchange.market(symbol).rules();
        this.params = params;
        this.rng = new Rng(Rng.hash(seed, Rng.key(exchange.kind().path() + ":" + symbol)));
        this.sizeSeed = Rng.hash(seed, Rng.key("size:" + symbol));
        this.tick = rules.tickSize().doubleValue();
        this.minLots = Math.max(1, rules.minSize().divide(rules.stepSize()).longValue());
    }

    /** One step of simulated activity at {@code fairPrice}, {@code dtSeconds} after the previous one. */
    public void step(double fairPrice, double dtSeconds, EventBuffer out) {
        if (grid == 0) {
            grid = Math.max(1, Math.round(fairPrice * params.levelStepBps() / 1e4 / tick));
        }
        quote(fairPrice, out);
        if (Rng.unit(rng.next()) < Math.min(1.0, params.takerRatePerSecond() * dtSeconds)) {
            take(fairPrice, out);
        }
        exchange.finish(out);
    }

    private void quote(double fair, EventBuffer out) {
        long fairTicks = Math.round(fair / tick);
        long spread = Math.max(1, Math.round(fair * params.halfSpreadBps() / 1e4 / tick));
        long topBid = Math.floorDiv(fairTicks - spread, grid) * grid;
        long topAsk = -Math.floorDiv(-(fairTicks + spread), grid) * grid;
        if (topAsk <= topBid) {
            topAsk = topBid + grid;
        }
        Set<Long> wantBids = new HashSet<>();
        Set<Long> wantAsks = new HashSet<>();
        for (int i = 0; i < params.levels(); i++) {
            if (topBid - i * grid > 0) {
                wantBids.add(topBid - i * grid);
            }
            wantAsks.add(topAsk + i * grid);
        }
        prune(bids, wantBids);
        prune(asks, wantAsks);
        fill(true, bids, wantBids, topBid, out);
        fill(false, asks, wantAsks, topAsk, out);
    }

    /** Cancels quotes off the grid, and quotes a taker depleted below 30 % so they get refilled. */
    private void prune(Map<Long, Quote> quotes, Set<Long> wanted) {
        Iterator<Map.Entry<Long, Quote>> it = quotes.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Quote> e = it.next();
            long left = exchange.restingLots(symbol, e.getValue().orderId());
            boolean keep = wanted.contains(e.getKey()) && left * 10 >= 3 * e.getValue().lots();
            if (!keep) {
                exchange.houseCancel(symbol, e.getValue().orderId());
                it.remove();
            }
        }
    }

    private void fill(boolean buy, Map<Long, Quote> quotes, Set<Long> wanted, long top, EventBuffer out) {
        for (long price : wanted) {
            if (!quotes.containsKey(price)) {
                int depth = (int) (Math.abs(price - top) / grid);
                long lots = targetLots(price, depth);
                long id = exchange.houseLimit(symbol, MAKER_ACCOUNT, buy, price, lots, out);
                if (id != 0) {
                    quotes.put(price, new Quote(id, lots));
                }
            }
        }
    }

    /** Size of the quote at a price: grows with depth, with a stable per-price wobble. */
    private long targetLots(long price, int depth) {
        double wobble = 0.6 + 0.8 * Rng.unit(Rng.hash(sizeSeed, price));
        double base = params.makerSize() / rules.stepSize().doubleValue();
        return Math.max(minLots, Math.round(base * (1 + 0.15 * depth) * wobble));
    }

    private void take(double fair, EventBuffer out) {
        long bid = exchange.bestBidTicks(symbol);
        long ask = exchange.bestAskTicks(symbol);
        double lean = 0;
        if (bid > 0 && ask > 0) {
            double mid = 0.5 * (bid + ask) * tick;
            lean = Math.max(-1, Math.min(1, (fair - mid) / (grid * tick)));
        }
        boolean buy = Rng.unit(rng.next()) < 0.5 + 0.35 * lean;
        double size = -Math.log(1 - Rng.unit(rng.next())) * params.takerSize();
        long lots = Math.max(minLots, Math.round(size / rules.stepSize().doubleValue()));
        if ((buy ? ask : bid) > 0) {
            exchange.houseMarket(symbol, buy, lots, out);
        }
    }
}
