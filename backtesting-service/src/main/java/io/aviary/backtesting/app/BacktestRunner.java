package io.aviary.backtesting.app;

import io.aviary.backtesting.domain.BacktestRequest;
import io.aviary.backtesting.domain.CandleSource;
import io.aviary.backtesting.domain.FundingSource;
import io.aviary.backtesting.domain.ProcessedDataFormat;
import io.aviary.backtesting.domain.Resolution;
import io.aviary.backtesting.domain.StoredConfigs;
import io.aviary.backtesting.domain.TradingRulesSource;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.strategy.backtest.BacktestData;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.backtest.FundingRates;
import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.config.DirectionalControllerConfig;
import io.aviary.strategy.config.InvalidConfigException;
import io.aviary.strategy.config.PmmDynamicConfig;
import io.aviary.strategy.config.V2ControllerConfig;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.controller.Controllers;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.TradingRules;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns a request into a validated backtest (config resolved and parsed, controller known) and runs one: candles from
 * {@link CandleSource}, funding rates from {@link FundingSource} for a perpetual connector, the market's trading rules
 * from {@link TradingRulesSource} (orders rounded and refused as the venue would), one new controller per run, the
 * strategy module's engine.
 *
 * <p>A controller that reads candles ({@code candles_connector}, {@code candles_trading_pair}, {@code interval})
 * sees those: when they are not the backtest's own (another interval or market), they are read from
 * market-data-service as a second feed over the same range, as the live bot reads them, and the engine shows the
 * controller only those closed at each step. Its interval must be a whole multiple of {@code backtesting_resolution}
 * (400 otherwise). Neither feed gets warm-up candles before {@code start_time} (Hummingbot's backtester fetches
 * some but shows its controllers only the {@code [start, end]} slice): indicators warm up inside the range.
 *
 * <p>A perpetual range that should hold funding but has none is refused (422) rather than run without it: a
 * directional backtest on a perpetual without funding misstates its PnL by a systematic amount, and a silent run
 * would look complete. Every perpetual venue Aviary connects to pays at least once a day, so the check applies to
 * ranges of a day or more; a shorter range may honestly contain no funding time and runs.
 */
@Component
public class BacktestRunner {

    /** A request whose config is resolved and valid: ready to run. */
    public record Prepared(BacktestRequest request, V2ControllerConfig config) {
    }

    /** What a run reports while it goes; returning true cancels it. */
    @FunctionalInterface
    public interface Monitor {
        boolean reached(int candle, int total);
    }

    /**
     * What a backtest runs over: the candles, the candles its controller reads ({@code candles} itself when the
     * config's interval and market are the backtest's), on a perpetual the funding events of their time span, and
     * the market's trading rules.
     */
    public record History(Candles candles, Candles controllerCandles, FundingRates funding, TradingRules rules) {

        BacktestData data() {
            return new BacktestData(candles, controllerCandles, funding, rules);
        }
    }

    /** Where a controller's candles come from when they are not the backtest's own. */
    record ControllerFeed(String connector, String pair, Resolution interval) {
    }

    /** A range at least this long on a perpetual must contain funding events. */
    static final long FUNDING_REQUIRED_SPAN = 86_400;

    /** A finished run with the number of candles it went over. */
    public record Outcome(BacktestResult result, int candles) {
    }

    private final CandleSource candles;
    private final FundingSource funding;
    private final StoredConfigs storedConfigs;
    private final long processedDataMaxValues;
    private final TradingRulesSource tradingRules;

    public BacktestRunner(CandleSource candles, FundingSource funding, StoredConfigs storedConfigs,
            TradingRulesSource tradingRules, BacktestingSettings settings) {
        this.candles = candles;
        this.funding = funding;
        this.tradingRules = tradingRules;
        this.storedConfigs = storedConfigs;
        this.processedDataMaxValues = settings.processedDataMaxValues();
    }

    /**
     * @throws InvalidRequest for an invalid config (naming the key) or a controller without an engine implementation
     * @throws NotFound for a stored config name that does not exist
     * @throws Unprocessable when the processed_data asked for would hold more values than the configured cap
     */
    public Prepared prepare(BacktestRequest request) {
        V2ControllerConfig config = parse(resolve(request.config()));
        requireImplemented(config);
        requireServableInterval(config, request.resolution());
        requireProcessedDataWithinCap(request, config);
        return new Prepared(request, config);
    }

    /**
     * @throws InvalidRequest naming {@code interval} and {@code backtesting_resolution} when the config's candle
     *     interval is not a whole multiple of the resolution (finer, or closing between two steps)
     */
    public void requireServableInterval(V2ControllerConfig config, Resolution resolution) {
        Optional<io.aviary.strategy.config.CandleSource> source = candleSource(config);
        if (source.isEmpty()) {
            return;
        }
        String interval = source.get().interval();
        String refusal = "interval '" + interval + "' cannot be backtested at backtesting_resolution '"
                + resolution.text() + "': ";
        Resolution parsed = Resolution.parse(interval).orElseThrow(
                () -> new InvalidRequest(refusal + "the backtester has no " + interval + " candles"));
        try {
            BacktestEngine.requireServable(parsed.seconds(), resolution.seconds());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(refusal + e.getMessage());
        }
    }

    /** The candles a config's controller reads, for the controllers that read candles. */
    static Optional<io.aviary.strategy.config.CandleSource> candleSource(V2ControllerConfig config) {
        return switch (config) {
            case DirectionalControllerConfig directional -> Optional.of(directional.candles());
            case PmmDynamicConfig dynamic -> Optional.of(dynamic.candles());
            default -> Optional.empty();
        };
    }

    /** The controller's own feed when it differs from the backtest's (interval or market), else empty. */
    static Optional<ControllerFeed> controllerFeed(V2ControllerConfig config, Resolution resolution) {
        return candleSource(config).flatMap(source -> {
            Resolution interval = Resolution.parse(source.interval()).orElseThrow(
                    () -> new InvalidRequest("interval '" + source.interval() + "' cannot be backtested"));
            boolean own = interval.seconds() == resolution.seconds()
                    && source.connector().equals(config.connectorName())
                    && source.tradingPair().equals(config.tradingPair());
            return own ? Optional.empty()
                    : Optional.of(new ControllerFeed(source.connector(), source.tradingPair(), interval));
        });
    }

    /**
     * Refuses, before any candle is loaded, a feature table larger than the cap: rows = the candles the range can
     * hold, columns = timestamp, OHLCV and the controller's features.
     */
    private void requireProcessedDataWithinCap(BacktestRequest request, V2ControllerConfig config) {
        if (request.processedData() == ProcessedDataFormat.NONE) {
            return;
        }
        int columns = 6 + controllerFor(config).featureNames().size();
        long rows = request.maxCandles();
        if (rows > processedDataMaxValues / columns) {
            throw new Unprocessable("processed_data_format \"" + request.processedData().wireName() + "\": up to "
                    + rows + " candles × " + columns + " columns exceeds the " + processedDataMaxValues
                    + " values a processed_data may hold (BACKTEST_PROCESSED_DATA_MAX_VALUES); ask for a shorter"
                    + " range or a coarser backtesting_resolution, or leave processed_data_format out");
        }
    }

    private static Controller controllerFor(V2ControllerConfig config) {
        try {
            return Controllers.create(config);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
    }

    /**
     * The config's content, inline or stored.
     *
     * @throws NotFound for a stored config name that does not exist
     */
    public Map<String, Object> resolve(BacktestRequest.ConfigRef ref) {
        return switch (ref) {
            case BacktestRequest.InlineConfig inline -> inline.content();
            case BacktestRequest.StoredConfig stored -> storedConfigs.find(stored.name()).orElseThrow(
                    () -> new NotFound("Configuration '" + stored.name() + "' not found"));
        };
    }

    /** @throws InvalidRequest for an invalid config, naming the key */
    public V2ControllerConfig parse(Map<String, Object> raw) {
        try {
            return ControllerRegistry.parse(raw);
        } catch (InvalidConfigException e) {
            throw new InvalidRequest("Invalid controller config: " + e.getMessage());
        }
    }

    /** @throws InvalidRequest for a controller without an engine implementation */
    public void requireImplemented(V2ControllerConfig config) {
        if (!Controllers.IMPLEMENTED.contains(config.controllerName())) {
            throw new InvalidRequest("controller_name '" + config.controllerName()
                    + "' has a config but no backtest implementation yet; backtests run "
                    + Controllers.IMPLEMENTED.stream().sorted().toList());
        }
    }

    /**
     * The candles a prepared backtest runs over, its controller's candles when they are another interval or market,
     * the market's trading rules and, for a perpetual connector, the funding events from the range's start to the
     * last candle's close (all read from market-data-service, once: a sweep's variants share them).
     *
     * @throws Unprocessable for a perpetual range of a day or more without any funding event
     */
    public History history(Prepared prepared) {
        BacktestRequest request = prepared.request();
        V2ControllerConfig config = prepared.config();
        Candles range = candles.load(config.connectorName(), config.tradingPair(), request.resolution(),
                request.startTime(), request.endTime());
        Candles controllerCandles = controllerFeed(config, request.resolution())
                .map(feed -> candles.load(feed.connector(), feed.pair(), feed.interval(), request.startTime(),
                        request.endTime()))
                .orElse(range);
        TradingRules rules = tradingRules.load(config.connectorName(), config.tradingPair());
        if (!BacktestEngine.isPerpetual(config.connectorName())) {
            return new History(range, controllerCandles, FundingRates.NONE, rules);
        }
        long end = range.closeTime(range.size() - 1);
        FundingRates rates = funding.load(config.connectorName(), config.tradingPair(), request.startTime(), end);
        if (rates.isEmpty() && end - request.startTime() >= FUNDING_REQUIRED_SPAN) {
            throw new Unprocessable("No funding rates of " + config.connectorName() + " " + config.tradingPair()
                    + " between " + request.startTime() + " and " + end + ": a perpetual backtest of a day or more"
                    + " needs them (funding is part of its PnL).");
        }
        return new History(range, controllerCandles, rates, rules);
    }

    /** Loads the history and runs; throws the engine's BacktestCancelledException when {@code monitor} says so. */
    public Outcome run(Prepared prepared, Monitor monitor) {
        return run(prepared, history(prepared), monitor);
    }

    /**
     * Runs over a history already loaded; it is only read, so runs on several threads may share it (a sweep's
     * variants do).
     */
    public Outcome run(Prepared prepared, History history, Monitor monitor) {
        Candles range = history.candles();
        BacktestRequest request = prepared.request();
        V2ControllerConfig config = prepared.config();
        Controller controller = controllerFor(config);
        BacktestSettings settings;
        try {
            settings = new BacktestSettings(request.tradeCost(), request.slippage(),
                    config.totalAmountQuote().doubleValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        int total = range.size();
        // the controller's interval was checked in prepare (requireServableInterval)
        BacktestResult result = new BacktestEngine(settings).run(controller, history.data(),
                i -> monitor.reached(i, total), request.processedData() != ProcessedDataFormat.NONE);
        return new Outcome(result, total);
    }
}
