/**
 * Controllers: {@link io.aviary.strategy.controller.Controller} (market + own executors → actions) and the config
 * views they read. {@link io.aviary.strategy.controller.ControllerConfig} is what every controller config record
 * implements; {@link io.aviary.strategy.controller.DirectionalTradingSettings},
 * {@link io.aviary.strategy.controller.BollingerV1Settings}, {@link io.aviary.strategy.controller.MacdBbV1Settings}
 * and {@link io.aviary.strategy.controller.SuperTrendV1Settings} are the values the directional controllers need,
 * so the records in {@code io.aviary.strategy.config} can implement them.
 *
 * <p>Controllers: {@link io.aviary.strategy.controller.BollingerV1Controller},
 * {@link io.aviary.strategy.controller.MacdBbV1Controller} and
 * {@link io.aviary.strategy.controller.SuperTrendV1Controller} and {@link io.aviary.strategy.controller.DManV3Controller}
 * (DCA entries) on the shared {@link io.aviary.strategy.controller.DirectionalTradingController};
 * {@link io.aviary.strategy.controller.PmmSimpleController}, {@link io.aviary.strategy.controller.PmmDynamicController}
 * and {@link io.aviary.strategy.controller.DManMakerV2Controller} (DCA levels) on the shared
 * {@link io.aviary.strategy.controller.MarketMakingController}; {@link io.aviary.strategy.controller.GridStrikeController}
 * (one grid executor). Market-making, DCA and grid settings views: {@code MarketMakingSettings},
 * {@code PmmDynamicSettings}, {@code DManMakerV2Settings}, {@code DManV3Settings}, {@code GridStrikeSettings}.
 * Each instance keeps streaming indicator state:
 * one instance per backtest run or bot.
 */
package io.aviary.strategy.controller;
