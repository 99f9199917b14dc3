package io.aviary.kit.stream;

import java.util.LinkedHashMap;
import java.util.Map;

/** A message waiting in a connection's outbox: a body rendered to JSON only when it is about to leave. */
record Outgoing(Map<String, Object> body) {

    static Outgoing control(String type, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        body.putIfAbsent("timestamp", now());
        return new Outgoing(body);
    }

    static Outgoing error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("message", message);
        return new Outgoing(body);
    }

    /** A stream's update: its body, then {@code subscription_id} and {@code timestamp}. */
    static Outgoing update(String subscriptionId, Map<String, Object> update) {
        Map<String, Object> body = new LinkedHashMap<>(update);
        body.put("subscription_id", subscriptionId);
        body.putIfAbsent("timestamp", now());
        return new Outgoing(body);
    }

    /** Epoch seconds, as hummingbot-api's {@code time.time()}. */
    static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
