package io.aviary.marketdata.domain;

import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.TradingPair;

/** One candle series: a connector's pair at one interval. */
public record CandleKey(String connector, TradingPair pair, CandleInterval interval) {

    /** Open time (epoch seconds) of the candle that contains {@code epochSecond}. */
    public long openOf(long epochSecond) {
        return Math.floorDiv(epochSecond, interval.seconds()) * interval.seconds();
    }

    public long step() {
        return interval.seconds();
    }

    @Override
    public String toString() {
        return connector + " " + pair + " " + interval.wireName();
    }
}
