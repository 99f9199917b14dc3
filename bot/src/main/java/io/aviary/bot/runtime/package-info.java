/**
 * The live V2 runtime: {@link io.aviary.bot.runtime.BotRuntime} steps N controllers on one strategy thread with the
 * executors of {@code strategy} (through its {@code ExecutorSupervisor}, the lifecycle the backtester uses), places
 * their orders through {@link io.aviary.bot.runtime.LiveOrderGateway} on live connectors, reads markets through
 * {@link io.aviary.execution.LiveMarketView}, and publishes per-controller
 * {@link io.aviary.bot.runtime.PerformanceReport}s, {@link io.aviary.bot.runtime.ExecutorSnapshot}s and a status
 * text for the MQTT bridge and the SQLite recorder.
 */
package io.aviary.bot.runtime;
