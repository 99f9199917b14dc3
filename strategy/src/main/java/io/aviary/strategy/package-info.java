/**
 * V2 controllers, executors, indicators and the backtest engine: pure Java, no Spring, no I/O.
 * Filled by the strategy and backtesting issues.
 */
package io.aviary.strategy;
