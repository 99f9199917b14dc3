/**
 * What every live host of strategy's executors shares (the bot runtime and trading-service's executors host): the
 * {@link io.aviary.strategy.market.MarketView} of a live market ({@link io.aviary.execution.LiveMarketView}),
 * Hummingbot-style client order ids, the quote-asset fee of a fill and executor configs as Hummingbot writes them
 * ({@link io.aviary.execution.ExecutorConfigJson}) and reads them ({@link io.aviary.execution.ExecutorConfigReader}).
 * Plain Java on strategy and connectors: no Spring, so the bot keeps its fast start.
 */
package io.aviary.execution;
