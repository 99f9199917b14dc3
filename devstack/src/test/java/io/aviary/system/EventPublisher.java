package io.aviary.system;

import io.aviary.common.events.DomainEvent;
import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes event envelopes to the suite's Kafka exactly as a producing service's outbox relay
 * does: the envelope JSON as value, the envelope key as record key.
 */
final class EventPublisher implements AutoCloseable {

    private static final EventJson JSON = new EventJson();

    private final KafkaProducer<String, String> producer;
    private final String source;

    EventPublisher(String bootstrap, String source) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props);
        this.source = source;
    }

    /** A fresh envelope (new id) for {@code event}. */
    EventEnvelope envelope(DomainEvent event) {
        return JSON.envelope(event, source);
    }

    EventEnvelope publish(String topic, DomainEvent event) {
        EventEnvelope envelope = envelope(event);
        publish(topic, envelope);
        return envelope;
    }

    /** Sends this envelope (again, if it was sent before) and waits for the broker's ack. */
    void publish(String topic, EventEnvelope envelope) {
        try {
            producer.send(new ProducerRecord<>(topic, envelope.key(), JSON.write(envelope))).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + envelope.type() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
