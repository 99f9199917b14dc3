package io.aviary.simexchange.domain.price;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A market's deterministic price and volume history at one-second resolution, for any time.
 *
 * <p>Construction: a Brownian path {@code Y} at whole hours ({@link LevyPath}); inside an hour, a
 * discrete Brownian bridge between the two hour values, driven by a stream seeded with
 * (seed, path, hour). The log price is {@code x = ln P0 + B·tanh(σ·(Y − Y(anchor))/B)} (plus the
 * perpetual premium), linearised inside each hour. Every second carries a tiny bar: open = x(t),
 * close = x(t+1), wicks and volume from a second stream seeded with (seed, flow, hour).
 *
 * <p>Consistency: any candle is the exact merge of the one-second bars it spans — open of the
 * first, close of the last, max/min of highs/lows, sums of volumes (integer lots) — so a 1h candle
 * equals the merge of its 60 1m candles whatever was asked first. Cost: one pass over the seconds
 * of each hour touched (about 15 ns per second), plus O(log T) per hour for the path.
 */
public final class SyntheticMarket {

    static final int HOUR = 3600;
    private static final double SECONDS_PER_YEAR = 365.0 * 86400;

    private final PathSpec spec;
    private final LevyPath path;
    private final long pathSeed;
    private final long flowSeed;
    private final double lnP0;
    private final double sigma;
    private final double yAnchor;
    private final double meanLots;
    private final HourCache cache = new HourCache(512);
    private final ThreadLocal<double[][]> scratch = ThreadLocal.withInitial(() -> new double[2][HOUR + 1]);
    private long liveHour = Long.MIN_VALUE;
    private final double[] liveXs = new double[HOUR + 1];

    public SyntheticMarket(PathSpec spec) {
        this.spec = spec;
        long pathKey = Rng.key(spec.pathKey());
        this.path = new LevyPath(Rng.hash(spec.seed(), pathKey));
        this.pathSeed = Rng.hash(spec.seed(), pathKey, 1);
        this.flowSeed = Rng.hash(spec.seed(), Rng.key(spec.flowKey()), 2);
        this.lnP0 = Math.log(spec.initialPrice());
        this.sigma = spec.annualVolatility() / Math.sqrt(SECONDS_PER_YEAR);
        this.yAnchor = path.at(Math.floorDiv(spec.anchorEpochSecond(), HOUR));
        this.meanLots = spec.volumePerSecond() / spec.stepSize();
    }

    public PathSpec spec() {
        return spec;
    }

    private double squash(double y) {
        return lnP0 + spec.bound() * Math.tanh(sigma * (y - yAnchor) / spec.bound());
    }

    /** d(log price)/dY: σ scaled down by the squash's slope. */
    private double slope(double y) {
        double t = Math.tanh(sigma * (y - yAnchor) / spec.bound());
        return sigma * (1 - t * t);
    }

    private double premium(long hour) {
        return spec.premium() == null ? 0 : spec.premium().logAtHour(hour);
    }

    /**
     * Generates one hour and emits bars of {@code bucketSeconds} (a divisor of 3600), oldest first.
     *
     * @param xsOut when not null, receives the 3601 per-second log prices of the hour
     */
    public void generateHour(long hour, int bucketSeconds, Consumer<CandleBar> sink, double[] xsOut) {
        if (HOUR % bucketSeconds != 0) {
            throw new IllegalArgumentException("bucket must divide an hour: " + bucketSeconds);
        }
        double[][] s = scratch.get();
        double[] walk = s[0];
        double[] x = xsOut != null ? xsOut : s[1];
        double y0 = path.at(hour);
        double y1 = path.at(hour + 1);
        double x0 = squash(y0) + premium(hour);
        double x1 = squash(y1) + premium(hour + 1);
        double k = slope(0.5 * (y0 + y1));
        Rng steps = new Rng(Rng.hash(pathSeed, hour));
        walk[0] = 0;
        for (int i = 0; i < HOUR; i++) {
            walk[i + 1] = walk[i] + steps.irwinHall();
        }
        double end = walk[HOUR];
        for (int i = 0; i <= HOUR; i++) {
            double f = i / (double) HOUR;
            x[i] = x0 + (x1 - x0) * f + k * (walk[i] - end * f);
        }
        emitBars(hour, bucketSeconds, x, k, sink);
    }

    private void emitBars(long hour, int bucketSeconds, double[] x, double k, Consumer<CandleBar> sink) {
        Rng flow = new Rng(Rng.hash(flowSeed, hour));
        double step = spec.stepSize();
        double price = Math.exp(x[0]);
        long start = hour * HOUR;
        for (int b = 0; b < HOUR; b += bucketSeconds) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            long volume = 0;
            long takerBuy = 0;
            long trades = 0;
            double quote = 0;
            double takerBuyQuote = 0;
            for (int i = b; i < b + bucketSeconds; i++) {
                double o = x[i];
                double c = x[i + 1];
                long r1 = flow.next();
                long r2 = flow.next();
                long r3 = flow.next();
                double u1 = Rng.hiUnit(r1);
                double u2 = Rng.loUnit(r1);
                hi = Math.max(hi, Math.max(o, c) + k * 0.35 * u1 * u1);
                lo = Math.min(lo, Math.min(o, c) - k * 0.35 * u2 * u2);
                double next = price * expSmall(c - o);
                double mid = 0.5 * (price + next);
                price = next;
                double move = k > 0 ? Math.abs(c - o) / k : 0;
                long lots = Math.round(meanLots * (0.2 + 1.6 * Rng.hiUnit(r2)) * (0.6 + 0.5 * move));
                long buys = Math.round(lots * (c >= o ? 0.5 + 0.4 * Rng.loUnit(r2) : 0.1 + 0.4 * Rng.loUnit(r2)));
                volume += lots;
                takerBuy += buys;
                double u3 = Rng.hiUnit(r3);
                trades += lots == 0 ? 0 : 1 + (long) (u3 * u3 * 3);
                quote += lots * step * mid;
                takerBuyQuote += buys * step * mid;
            }
            sink.accept(new CandleBar(start + b, Math.exp(x[b]), Math.exp(hi), Math.exp(lo),
                    Math.exp(x[b + bucketSeconds]), volume, quote, trades, takerBuy, takerBuyQuote));
        }
    }

    /** e^d for the tiny per-second moves (|d| ≪ 1) by its series; exact enough and much cheaper than exp. */
    private static double expSmall(double d) {
        return Math.abs(d) < 1e-2 ? 1 + d * (1 + d * (0.5 + d * (1.0 / 6 + d / 24))) : Math.exp(d);
    }

    /** The hour starting at {@code hour × 3600} as one bar (cached). */
    public CandleBar hourBar(long hour) {
        return cache.get(hour, h -> {
            CandleBar[] out = new CandleBar[1];
            generateHour(h, HOUR, bar -> out[0] = bar, null);
            return out[0];
        });
    }

    /**
     * {@code count} consecutive bars of {@code intervalSeconds} starting at {@code startSecond}
     * (which must be a multiple of the interval). Intervals below an hour must divide 3600;
     * intervals of an hour or more must be multiples of 3600.
     */
    public List<CandleBar> bars(long startSecond, int intervalSeconds, int count) {
        List<CandleBar> out = new ArrayList<>(count);
        if (count <= 0) {
            return out;
        }
        long end = startSecond + (long) intervalSeconds * count;
        if (intervalSeconds < HOUR) {
            for (long h = Math.floorDiv(startSecond, HOUR); h * HOUR < end; h++) {
                generateHour(h, intervalSeconds, bar -> {
                    if (bar.openTime() >= startSecond && bar.openTime() < end) {
                        out.add(bar);
                    }
                }, null);
            }
            return out;
        }
        if (intervalSeconds % HOUR != 0 || startSecond % HOUR != 0) {
            throw new IllegalArgumentException("intervals of an hour or more must be whole hours");
        }
        for (int i = 0; i < count; i++) {
            long t0 = startSecond + (long) i * intervalSeconds;
            CandleBar bar = hourBar(t0 / HOUR);
            for (long h = t0 / HOUR + 1; h < (t0 + intervalSeconds) / HOUR; h++) {
                bar = bar.merge(hourBar(h));
            }
            out.add(bar);
        }
        return out;
    }

    /** One bar over the seconds {@code [from, to)} (any alignment), or null when the range is empty. */
    public CandleBar aggregate(long fromSecond, long toSecond) {
        CandleBar acc = null;
        long t = fromSecond;
        while (t < toSecond) {
            long hour = Math.floorDiv(t, HOUR);
            long hourEnd = (hour + 1) * HOUR;
            CandleBar part;
            if (t == hour * HOUR && toSecond >= hourEnd) {
                part = hourBar(hour);
            } else {
                part = partialHour(hour, t, Math.min(toSecond, hourEnd));
            }
            acc = acc == null ? part : acc.merge(part);
            t = hourEnd;
        }
        return acc == null ? null : acc.at(fromSecond);
    }

    private CandleBar partialHour(long hour, long from, long to) {
        CandleBar[] acc = new CandleBar[1];
        generateHour(hour, 1, bar -> {
            if (bar.openTime() >= from && bar.openTime() < to) {
                acc[0] = acc[0] == null ? bar : acc[0].merge(bar);
            }
        }, null);
        return acc[0];
    }

    /** Log price at a (fractional) epoch second, interpolated between whole seconds. */
    public synchronized double logPriceAt(double epochSecond) {
        long second = (long) Math.floor(epochSecond);
        long hour = Math.floorDiv(second, HOUR);
        if (hour != liveHour) {
            generateHour(hour, HOUR, bar -> { }, liveXs);
            liveHour = hour;
        }
        int i = (int) (second - hour * HOUR);
        double f = epochSecond - second;
        return liveXs[i] + (liveXs[i + 1] - liveXs[i]) * f;
    }

    public double priceAt(double epochSecond) {
        return Math.exp(logPriceAt(epochSecond));
    }
}
