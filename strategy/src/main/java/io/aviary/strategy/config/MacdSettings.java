package io.aviary.strategy.config;

/** MACD keys: fast and slow EMA lengths and the signal EMA length, in candles. */
public record MacdSettings(int fast, int slow, int signal) {

    static MacdSettings from(ConfigValues v) {
        return new MacdSettings(v.get(Keys.MACD_FAST), v.get(Keys.MACD_SLOW), v.get(Keys.MACD_SIGNAL));
    }

    void putInto(ConfigValues v) {
        v.put(Keys.MACD_FAST, fast).put(Keys.MACD_SLOW, slow).put(Keys.MACD_SIGNAL, signal);
    }
}
