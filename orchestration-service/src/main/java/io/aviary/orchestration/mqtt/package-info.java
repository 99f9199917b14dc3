/**
 * orchestration-service's side of Hummingbot's MQTT protocol (hummingbot-internals §1.6): one Paho v5 client that
 * watches every bot's telemetry ({@link io.aviary.orchestration.mqtt.BotRegistry}), sends the RPC commands with
 * per-request reply topics ({@link io.aviary.orchestration.mqtt.BotRpc}), and snapshots controller performance into
 * PostgreSQL and Kafka ({@link io.aviary.orchestration.mqtt.PerformanceDump}).
 */
package io.aviary.orchestration.mqtt;
