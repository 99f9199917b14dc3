package io.aviary.kit.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C {@value #HEADER} of the span current on this thread: {@link EventOutbox} stores it with the event and
 * {@link OutboxRelay} sends it as the Kafka record's header, so a consumer's work joins the trace of the request
 * that caused the event although the relay publishes later, on another thread (docs/adr/0029-observability.md).
 */
@FunctionalInterface
public interface TraceParents {

    String HEADER = "traceparent";

    Optional<String> current();

    /** Without tracing: events carry no trace context. */
    static TraceParents none() {
        return Optional::empty;
    }

    static TraceParents of(Tracer tracer, Propagator propagator) {
        return () -> {
            Span span = tracer.currentSpan();
            if (span == null) {
                return Optional.empty();
            }
            Map<String, String> carrier = new HashMap<>();
            propagator.inject(span.context(), carrier, Map::put);
            return Optional.ofNullable(carrier.get(HEADER));
        };
    }
}
