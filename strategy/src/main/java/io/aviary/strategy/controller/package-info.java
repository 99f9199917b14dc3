/**
 * Controllers: {@link io.aviary.strategy.controller.Controller} (market + own executors → actions) and the config
 * views they read. {@link io.aviary.strategy.controller.ControllerConfig} is what every controller config record
 * implements; {@link io.aviary.strategy.controller.DirectionalTradingSettings} and
 * {@link io.aviary.strategy.controller.BollingerV1Settings} are the values the directional controllers need, so the
 * records in {@code io.aviary.strategy.config} can implement them.
 */
package io.aviary.strategy.controller;
