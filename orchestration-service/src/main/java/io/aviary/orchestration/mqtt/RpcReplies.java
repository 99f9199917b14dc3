package io.aviary.orchestration.mqtt;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * RPC calls waiting for their reply. Each call has its own reply topic {@code hummingbot-api/response/<id>}: the bot's
 * reply envelope carries no correlation of its own (its {@code header.reply_to} is empty), so the topic is the
 * correlation.
 */
@Component
public class RpcReplies {

    static final String REPLY_PREFIX = "hummingbot-api/response/";

    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** A new pending call: its reply topic and the future its envelope completes. */
    PendingCall open() {
        String id = UUID.randomUUID().toString();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        return new PendingCall(id, REPLY_PREFIX + id, reply);
    }

    void close(PendingCall call) {
        pending.remove(call.id());
    }

    /** A message on {@code hummingbot-api/response/<id>}; a reply nobody waits for (too late) is dropped. */
    void onReply(String id, JsonNode envelope) {
        CompletableFuture<JsonNode> reply = pending.remove(id);
        if (reply != null && envelope != null) {
            reply.complete(envelope);
        }
    }

    int waiting() {
        return pending.size();
    }

    record PendingCall(String id, String replyTo, CompletableFuture<JsonNode> reply) {
    }
}
