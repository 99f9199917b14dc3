package io.aviary.backtesting.domain;

import io.aviary.strategy.market.Candles;

/** Stored historical candles (market-data-service's); the backtester never asks a venue itself. */
public interface CandleSource {

    /**
     * Candles of {@code connector}/{@code pair} at {@code resolution} whose open time lies in {@code [start, end]},
     * oldest first; never empty (a range without candles is refused with the reason).
     */
    Candles load(String connector, String pair, Resolution resolution, long start, long end);
}
