/**
 * The Java bot runtime (Hummingbot MQTT protocol, Hummingbot SQLite schema). Filled by the bots issue.
 */
package io.aviary.bot;
