package io.aviary.strategy.config;

import java.util.Objects;

/** Which candles a controller's indicators read: {@code candles_connector}, {@code candles_trading_pair},
 *  {@code interval} (the first two default to the controller's own connector and pair). */
public record CandleSource(String connector, String tradingPair, String interval) {

    public CandleSource {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(tradingPair, "tradingPair");
        Objects.requireNonNull(interval, "interval");
    }

    static CandleSource from(ConfigValues v) {
        return new CandleSource(v.get(Keys.CANDLES_CONNECTOR), v.get(Keys.CANDLES_TRADING_PAIR),
                v.get(Keys.INTERVAL));
    }

    void putInto(ConfigValues v) {
        v.put(Keys.CANDLES_CONNECTOR, connector)
                .put(Keys.CANDLES_TRADING_PAIR, tradingPair)
                .put(Keys.INTERVAL, interval);
    }
}
