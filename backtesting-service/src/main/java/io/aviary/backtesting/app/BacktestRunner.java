package io.aviary.backtesting.app;

import io.aviary.backtesting.domain.BacktestRequest;
import io.aviary.backtesting.domain.CandleSource;
import io.aviary.backtesting.domain.StoredConfigs;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.config.InvalidConfigException;
import io.aviary.strategy.config.V2ControllerConfig;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.controller.Controllers;
import io.aviary.strategy.market.Candles;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a request into a validated backtest (config resolved and parsed, controller known) and runs one: candles from
 * {@link CandleSource}, one new controller per run, the strategy module's engine.
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

    /** A finished run with the number of candles it went over. */
    public record Outcome(BacktestResult result, int candles) {
    }

    private final CandleSource candles;
    private final StoredConfigs storedConfigs;

    public BacktestRunner(CandleSource candles, StoredConfigs storedConfigs) {
        this.candles = candles;
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

    /** The candles a prepared backtest runs over (read from market-data-service). */
    public Candles candles(Prepared prepared) {
        BacktestRequest request = prepared.request();
        V2ControllerConfig config = prepared.config();
        return candles.load(config.connectorName(), config.tradingPair(), request.resolution(),
                request.startTime(), request.endTime());
    }

    /** Loads the candles and runs; throws the engine's BacktestCancelledException when {@code monitor} says so. */
    public Outcome run(Prepared prepared, Monitor monitor) {
        return run(prepared, candles(prepared), monitor);
    }

    /**
     * Runs over candles already loaded; {@code range} is only read, so runs on several threads may share it (a
     * sweep's variants do).
     */
    public Outcome run(Prepared prepared, Candles range, Monitor monitor) {
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
        BacktestResult result = new BacktestEngine(settings).run(controller, range,
                i -> monitor.reached(i, total));
        return new Outcome(result, total);
    }
}
