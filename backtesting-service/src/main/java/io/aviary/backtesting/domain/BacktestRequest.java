package io.aviary.backtesting.domain;

import java.util.Map;

/**
 * One backtest as asked for (hummingbot-api's {@code BacktestingConfig}), already checked for shape: a range of candle
 * open times in epoch seconds, the candle resolution, the fee per side, the MARKET fill slippage (an Aviary
 * addition, 0 by default), the controller config, inline or by the
 * name of a config stored in orchestration-service, and the form of {@code processed_data} in the answer (an Aviary
 * addition, {@link ProcessedDataFormat#NONE} by default).
 */
public record BacktestRequest(long startTime, long endTime, Resolution resolution, double tradeCost, double slippage,
        ConfigRef config, ProcessedDataFormat processedData) {

    /** A request answering {@code processed_data} as {@code {}}. */
    public BacktestRequest(long startTime, long endTime, Resolution resolution, double tradeCost, double slippage,
            ConfigRef config) {
        this(startTime, endTime, resolution, tradeCost, slippage, config, ProcessedDataFormat.NONE);
    }

    /** Candles the range holds at most (a candle opening at {@code endTime} included). */
    public long maxCandles() {
        return (endTime - startTime) / resolution.seconds() + 1;
    }

    /** Where the controller config comes from. */
    public sealed interface ConfigRef {
    }

    /** A config given in the request body. */
    public record InlineConfig(Map<String, Object> content) implements ConfigRef {
    }

    /** The name of a config stored with {@code POST /controllers/configs/{name}}. */
    public record StoredConfig(String name) implements ConfigRef {
    }
}
