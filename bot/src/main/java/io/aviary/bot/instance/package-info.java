/**
 * The Hummingbot instance folder a bot starts from (api-catalog §6): {@code conf/conf_client.yml} (bot id, MQTT),
 * the script config named by {@code SCRIPT_CONFIG}, its controller configs, the connector credentials encrypted under
 * {@code CONFIG_PASSWORD}, {@code data/} and {@code logs/}. {@link io.aviary.bot.instance.InstanceFolder} reads and
 * validates it all up front into a {@link io.aviary.bot.instance.BotInstance}, or fails with one
 * {@link io.aviary.bot.instance.InvalidInstanceException} naming the file and key.
 */
package io.aviary.bot.instance;
