package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.event.BookSnapshot;
import io.aviary.simexchange.domain.event.PublicTrade;
import io.aviary.simexchange.domain.exchange.Market;
import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.model.VenueKind;
import java.math.BigDecimal;
import java.util.List;

/** Public market data: listings, tickers, books, the tape, funding state. */
public final class MarketDataService {

    public static final int MAX_DEPTH = 1000;
    public static final int MAX_TRADES = 1000;
    public static final int MAX_FUNDING_RATES = 1000;

    public record MarketInfo(VenueKind kind, MarketRules rules, boolean simulated, Integer maxLeverage) {
    }

    /** Last price, top of book, 24 h window; mark, index and the running funding rate on perpetuals. */
    public record Ticker(String symbol, BigDecimal lastPrice, BigDecimal bestBid, BigDecimal bestAsk, Candle day,
            BigDecimal markPrice, BigDecimal indexPrice, BigDecimal fundingRate, long timestamp) {
    }

    public record FundingInfo(String symbol, BigDecimal indexPrice, BigDecimal markPrice, BigDecimal rate,
            long nextFundingTime, long intervalSeconds, long timestamp) {
    }

    /** One past funding event: its time (epoch ms, a multiple of the funding interval), rate and mark price. */
    public record FundingRate(String symbol, long fundingTime, BigDecimal rate, BigDecimal markPrice) {
    }

    private final VenueCore core;
    private final PriceOracle oracle;
    private final CandleService candles;
    private final FundingClock funding;

    public MarketDataService(VenueCore core, PriceOracle oracle, CandleService candles, FundingClock funding) {
        this.core = core;
        this.oracle = oracle;
        this.candles = candles;
        this.funding = funding;
    }

    public List<MarketInfo> markets(VenueKind kind) {
        List<MarketConfig> configs = kind == VenueKind.SPOT ? core.config().spotMarkets() : core.config().perpMarkets();
        Integer maxLeverage = kind == VenueKind.PERPETUAL ? core.config().maxLeverage() : null;
        return configs.stream().map(m -> new MarketInfo(kind, m.rules(), m.simulated(), maxLeverage)).toList();
    }

    public List<Ticker> tickers(VenueKind kind, String symbol) {
        List<String> symbols = symbol != null ? List.of(symbol)
                : markets(kind).stream().map(m -> m.rules().symbol()).toList();
        return symbols.stream().map(s -> ticker(kind, s)).toList();
    }

    public Ticker ticker(VenueKind kind, String symbol) {
        long now = core.now();
        Market market = core.query(kind, lane -> lane.exchange().market(symbol));
        BigDecimal[] top = core.query(kind, lane -> new BigDecimal[] {
                market.lastPrice().orElse(null), market.bestBid().orElse(null), market.bestAsk().orElse(null)});
        BigDecimal last = top[0] != null ? top[0]
                : PriceOracle.round(oracle.fair(kind, symbol, now), market.rules().tickSize());
        long toSecond = Math.floorDiv(now / 1000, 60) * 60 + 60;
        Candle day = candles.window(kind, symbol, toSecond - 86_400, toSecond);
        if (kind == VenueKind.SPOT) {
            return new Ticker(symbol, last, top[1], top[2], day, null, null, null, now);
        }
        BigDecimal mark = oracle.mark(symbol, now);
        BigDecimal index = oracle.index(symbol, now);
        BigDecimal rate = core.query(kind, lane -> lane.perpetuals().fundingRate(mark, index));
        return new Ticker(symbol, last, top[1], top[2], day, mark, index, rate, now);
    }

    public BookSnapshot depth(VenueKind kind, String symbol, int depth) {
        int d = Math.max(1, Math.min(MAX_DEPTH, depth));
        return core.query(kind, lane -> lane.exchange().market(symbol).snapshot(d, core.now()));
    }

    public List<PublicTrade> trades(VenueKind kind, String symbol, int limit) {
        int n = Math.max(1, Math.min(MAX_TRADES, limit));
        return core.query(kind, lane -> lane.exchange().market(symbol).recentTrades(n));
    }

    public FundingInfo fundingInfo(String symbol) {
        long now = core.now();
        core.query(VenueKind.PERPETUAL, lane -> lane.exchange().market(symbol));
        BigDecimal mark = oracle.mark(symbol, now);
        BigDecimal index = oracle.index(symbol, now);
        BigDecimal rate = core.query(VenueKind.PERPETUAL, lane -> lane.perpetuals().fundingRate(mark, index));
        return new FundingInfo(symbol, index, mark, rate, funding.nextFundingTime(),
                core.config().fundingInterval().toSeconds(), now);
    }

    /**
     * The funding events of {@code symbol} with time in {@code [startMillis, endMillis)}, oldest first, at most
     * {@code limit}: every multiple of the funding interval that has passed, from the listing date
     * ({@code historyStart}) on. Nothing is stored: prices come from the seeded paths, a pure function of time, so a
     * past rate is recomputed exactly as {@link SimulationService#settleFunding} settled it (the funding rule on
     * that moment's mark and index). A funding time the venue slept through (it settles only the latest one after a
     * pause) is listed with the rate it would have had.
     */
    public List<FundingRate> fundingRates(String symbol, long startMillis, long endMillis, int limit) {
        core.query(VenueKind.PERPETUAL, lane -> lane.exchange().market(symbol));
        long interval = core.config().fundingInterval().toMillis();
        long listed = core.config().historyStart().toEpochMilli();
        long first = Math.ceilDiv(Math.max(startMillis, listed), interval) * interval;
        long last = Math.min(Math.floorDiv(endMillis - 1, interval), Math.floorDiv(core.now(), interval)) * interval;
        int n = Math.max(1, Math.min(MAX_FUNDING_RATES, limit));
        var rule = core.query(VenueKind.PERPETUAL, lane -> lane.perpetuals().fundingRule());
        List<FundingRate> out = new java.util.ArrayList<>();
        for (long t = first; t <= last && out.size() < n; t += interval) {
            BigDecimal mark = oracle.mark(symbol, t);
            out.add(new FundingRate(symbol, t, rule.rate(mark, oracle.index(symbol, t)), mark));
        }
        return out;
    }
}
