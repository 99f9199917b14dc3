package io.aviary.backtesting.app;

import io.aviary.backtesting.domain.BacktestRequest;
import io.aviary.backtesting.domain.CandleSource;
import io.aviary.backtesting.domain.FundingSource;
import io.aviary.backtesting.domain.StoredConfigs;
import io.aviary.backtesting.domain.TradingRulesSource;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.backtest.FundingRates;
import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.config.InvalidConfigException;
import io.aviary.strategy.config.V2ControllerConfig;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.controller.Controllers;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.TradingRules;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a request into a validated backtest (config resolved and parsed, controller known) and runs one: candles from
 * {@link CandleSource}, funding rates from {@link FundingSource} for a perpetual connector, the market's trading rules
 * from {@link TradingRulesSource} (orders rounded and refused as the venue would), one new controller per run, the
 * strategy module's engine.
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
     * What a backtest runs over: the candles, on a perpetual the funding events of their time span, and the market's
     * trading rules.
     */
    public record History(Candles candles, FundingRates funding, TradingRules rules) {
    }

    /** A range at least this long on a perpetual must contain funding events. */
    static final long FUNDING_REQUIRED_SPAN = 86_400;

    /** A finished run with the number of candles it went over. */
    public record Outcome(BacktestResult result, int candles) {
    }

    private final CandleSource candles;
    private final FundingSource funding;
    private final StoredConfigs storedConfigs;
    private final TradingRulesSource tradingRules;

    public BacktestRunner(CandleSource candles, FundingSource funding, StoredConfigs storedConfigs,
            TradingRulesSource tradingRules) {
        this.candles = candles;
        this.funding = funding;
        this.tradingRules = tradingRules;
        this.storedConfigs = storedConfigs;
    }

    /**
     * @throws InvalidRequest for an invalid config (naming the key) or a controller without an engine implementation
     * @throws NotFound for a stored config name that does not exist
     */
    public Prepared prepare(BacktestRequest request) {
        V2ControllerConfig config = parse(resolve(request.config()));
        requireImplemented(config);
        return new Prepared(request, config);
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
     * The candles a prepared backtest runs over, the market's trading rules and, for a perpetual connector, the
     * funding events from the range's start to the last candle's close (all read from market-data-service, once: a
     * sweep's variants share them).
     *
     * @throws Unprocessable for a perpetual range of a day or more without any funding event
     */
    public History history(Prepared prepared) {
        BacktestRequest request = prepared.request();
        V2ControllerConfig config = prepared.config();
        Candles range = candles.load(config.connectorName(), config.tradingPair(), request.resolution(),
                request.startTime(), request.endTime());
        TradingRules rules = tradingRules.load(config.connectorName(), config.tradingPair());
        if (!BacktestEngine.isPerpetual(config.connectorName())) {
            return new History(range, FundingRates.NONE, rules);
        }
        long end = range.closeTime(range.size() - 1);
        FundingRates rates = funding.load(config.connectorName(), config.tradingPair(), request.startTime(), end);
        if (rates.isEmpty() && end - request.startTime() >= FUNDING_REQUIRED_SPAN) {
            throw new Unprocessable("No funding rates of " + config.connectorName() + " " + config.tradingPair()
                    + " between " + request.startTime() + " and " + end + ": a perpetual backtest of a day or more"
                    + " needs them (funding is part of its PnL).");
        }
        return new History(range, rates, rules);
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
        Controller controller;
        try {
            controller = Controllers.create(config);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        BacktestSettings settings;
        try {
            settings = new BacktestSettings(request.tradeCost(), request.slippage(),
                    config.totalAmountQuote().doubleValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        int total = range.size();
        BacktestResult result = new BacktestEngine(settings).run(controller, range, history.funding(), history.rules(),
                i -> monitor.reached(i, total));
        return new Outcome(result, total);
    }
}
