package io.aviary.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.common.events.Topics;
import io.aviary.common.events.lifecycle.ServiceStarted;
import io.aviary.kit.web.InternalTokenFilter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One trace from a request to the consumer of the event it caused, through the kit as a service runs it (real
 * PostgreSQL outbox, real in-JVM KRaft broker, the inbox's listener container): the request arrives with the
 * gateway's W3C traceparent, its event is written to the outbox, the relay publishes it later on its own thread with
 * that trace context as the record's traceparent header, and the inbox handles it under a consumer span of the same
 * trace, so the trace id is in the handler's MDC (and thus in its log lines).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = TraceAcrossKafkaTest.App.class,
        properties = {
                "spring.application.name=kit-trace-test",
                "aviary.service.domain=kit-trace",
                "aviary.service.schema=kit",
                "aviary.service.internal-token=" + TraceAcrossKafkaTest.TOKEN,
                "spring.autoconfigure.exclude=io.aviary.kit.connectors.ConnectorsConfiguration"})
class TraceAcrossKafkaTest {

    static final String TOKEN = "kit-trace-token";
    private static final String TOPIC = Topics.forDomain("kit-trace");
    private static final EmbeddedPostgres POSTGRES;
    private static final EmbeddedKafkaKraftBroker KAFKA;
    /** instance id of a probe event → the trace id in the MDC while the inbox handled it. */
    static final Map<String, String> HANDLED_UNDER = new ConcurrentHashMap<>();

    static {
        try {
            POSTGRES = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KAFKA = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        KAFKA.brokerProperty("auto.create.topics.enable", "false");
        KAFKA.afterPropertiesSet();
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
    }

    @AfterAll
    static void stop() throws IOException {
        KAFKA.destroy();
        POSTGRES.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Probe.class)
    static class App {

        @Bean
        EventHandler<ServiceStarted> probeHandler() {
            return EventHandler.of(ServiceStarted.class, (event, envelope) -> {
                if (event.service().equals("probe")) {
                    HANDLED_UNDER.put(event.instanceId(), String.valueOf(MDC.get("traceId")));
                }
            });
        }
    }

    /** A use case that changes nothing but writes an event, as any service's request does. */
    @RestController
    static class Probe {

        private final EventOutbox outbox;
        private final TransactionTemplate tx;

        Probe(EventOutbox outbox, TransactionTemplate aviaryTransactionTemplate) {
            this.outbox = outbox;
            this.tx = aviaryTransactionTemplate;
        }

        @PostMapping("/probe")
        String probe(@RequestParam String id) {
            tx.executeWithoutResult(status -> outbox.append(new ServiceStarted("probe", id, "dev")));
            return "{}";
        }
    }

    @LocalServerPort
    int port;

    @Test
    void theRequestsTraceIdReachesTheKafkaHeadersAndTheConsumersMdc() throws Exception {
        assertOneTraceFromRequestToConsumer("01");
    }

    /** Most requests are not sampled (nothing recorded or exported): their trace id must flow and be logged all the same. */
    @Test
    void anUnsampledRequestsTraceIdFlowsTheSameWay() throws Exception {
        assertOneTraceFromRequestToConsumer("00");
    }

    private void assertOneTraceFromRequestToConsumer(String flags) throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/probe?id=" + id))
                .header(InternalTokenFilter.HEADER, TOKEN)
                .header(TraceParents.HEADER, "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-" + flags)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        ConsumerRecord<String, String> record = published(id);
        Header header = record.headers().lastHeader(TraceParents.HEADER);
        assertThat(header).as("the record carries the request's trace context").isNotNull();
        assertThat(new String(header.value(), StandardCharsets.US_ASCII)).startsWith("00-" + traceId + "-");

        await().atMost(Duration.ofSeconds(30)).until(() -> HANDLED_UNDER.containsKey(id));
        assertThat(HANDLED_UNDER.get(id)).as("the consumer's MDC traceId").isEqualTo(traceId);
    }

    /** Reads the topic from the start until the probe event {@code id} is there (the relay publishes it soon after commit). */
    private static ConsumerRecord<String, String> published(String id) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "trace-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(java.util.List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(id)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("event " + id + " was never published to " + TOPIC);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // an all-zero id is invalid in W3C trace context
        return bytes;
    }
}
