/**
 * The bot's Hummingbot MQTT interface: {@link io.aviary.bot.mqtt.BotMqttBridge} (connection, heartbeat, availability,
 * telemetry, RPC dispatch), {@link io.aviary.bot.mqtt.BotCommands} (what the runtime implements for each command),
 * {@link io.aviary.bot.mqtt.WireJson} (Hummingbot's serialization rules) and
 * {@link io.aviary.bot.mqtt.MqttLogAppender} ({@code P/log}). Spec: internals §1; differences: ADR 0014.
 */
package io.aviary.bot.mqtt;
