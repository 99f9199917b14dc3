/**
 * The order events the bot runtime emits and its recorder and MQTT bridge consume (Hummingbot's MarketEvents). The
 * MQTT connection settings of {@code conf_client.yml} are {@link io.aviary.bot.events.MqttSettings}.
 */
package io.aviary.bot.events;
