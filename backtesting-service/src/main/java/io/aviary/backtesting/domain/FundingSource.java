package io.aviary.backtesting.domain;

import io.aviary.strategy.backtest.FundingRates;

/** Stored past funding rates of perpetual pairs (market-data-service's); the backtester never asks a venue itself. */
public interface FundingSource {

    /**
     * Funding events of {@code connector}/{@code pair} with time in {@code [start, end]} (epoch seconds), oldest
     * first; empty when the venue paid none in the range.
     */
    FundingRates load(String connector, String pair, long start, long end);
}
