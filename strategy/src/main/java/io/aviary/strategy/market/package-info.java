/**
 * Market data as a strategy sees it: {@link io.aviary.strategy.market.Candles} (primitive OHLCV columns,
 * prefix views without copying) and {@link io.aviary.strategy.market.MarketView} (the present moment: closed
 * candles, mid/last price). Hosts implement {@code MarketView}; controllers and executors only read it.
 */
package io.aviary.strategy.market;
