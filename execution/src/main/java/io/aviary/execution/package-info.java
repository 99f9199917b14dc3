/**
 * What every live host of strategy's executors shares (the bot runtime and trading-service's executors host): the
 * {@link io.aviary.strategy.market.MarketView} of a live market ({@link io.aviary.execution.LiveMarketView}),
 * Hummingbot-style client order ids, the quote-asset fee of a fill and executor configs as Hummingbot writes them
 * ({@link io.aviary.execution.ExecutorConfigJson}) and reads them ({@link io.aviary.execution.ExecutorConfigReader}),
 * and the position mode and leverage a perpetual market is traded with ({@link io.aviary.execution.PerpetualSettings}).
 * Plain Java on strategy and connectors: no Spring, so the bot keeps its fast start.
 */
package io.aviary.execution;
