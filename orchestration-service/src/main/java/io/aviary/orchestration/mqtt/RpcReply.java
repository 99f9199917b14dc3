package io.aviary.orchestration.mqtt;

import tools.jackson.databind.JsonNode;

/**
 * A bot's reply to an RPC command: commlib's envelope {@code {"header": {...}, "data": {"status": 200, "msg": "",
 * ...}}} (hummingbot-internals §1.4).
 */
public record RpcReply(JsonNode envelope) {

    static final int SUCCESS = 200;

    public JsonNode data() {
        return envelope.path("data");
    }

    /** {@code data.status}; a string form ({@code "-1"} rule of §1.3) is read too, anything else is an error. */
    public int status() {
        JsonNode status = data().path("status");
        if (status.isNumber()) {
            return status.asInt();
        }
        try {
            return Integer.parseInt(status.asString("").strip());
        } catch (NumberFormatException e) {
            return 400;
        }
    }

    public String msg() {
        return data().path("msg").asString("");
    }

    public boolean succeeded() {
        return status() == SUCCESS;
    }
}
