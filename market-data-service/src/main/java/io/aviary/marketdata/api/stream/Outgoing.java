package io.aviary.marketdata.api.stream;

import io.aviary.marketdata.app.StreamUpdate;
import java.util.Map;

/** A message waiting in a connection's outbox; rendered to JSON only when it is about to leave. */
sealed interface Outgoing {

    /** A reply, an error or a heartbeat, in order. */
    record Control(Map<String, Object> body) implements Outgoing {
    }

    /** The latest update of one subscription. */
    record Update(String subscriptionId, StreamUpdate update) implements Outgoing {
    }
}
