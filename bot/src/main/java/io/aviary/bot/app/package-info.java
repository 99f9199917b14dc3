/**
 * The bot process: reads the instance folder, connects the MQTT bridge first (so a bad folder is reported on the
 * bot's topics and the first heartbeat does not wait for credential decryption), opens the bot database, runs the
 * controllers on live connectors and answers the Hummingbot RPC commands. The parts live in {@code instance},
 * {@code mqtt}, {@code db} and {@code runtime}; this package only wires them.
 */
package io.aviary.bot.app;
