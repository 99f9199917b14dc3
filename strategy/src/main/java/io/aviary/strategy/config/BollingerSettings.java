package io.aviary.strategy.config;

/** Bollinger Band keys: long when %B falls below {@code longThreshold}, short when it rises above
 *  {@code shortThreshold}. */
public record BollingerSettings(int length, double std, double longThreshold, double shortThreshold) {

    static BollingerSettings from(ConfigValues v) {
        return new BollingerSettings(v.get(Keys.BB_LENGTH), v.get(Keys.BB_STD), v.get(Keys.BB_LONG_THRESHOLD),
                v.get(Keys.BB_SHORT_THRESHOLD));
    }

    void putInto(ConfigValues v) {
        v.put(Keys.BB_LENGTH, length)
                .put(Keys.BB_STD, std)
                .put(Keys.BB_LONG_THRESHOLD, longThreshold)
                .put(Keys.BB_SHORT_THRESHOLD, shortThreshold);
    }
}
