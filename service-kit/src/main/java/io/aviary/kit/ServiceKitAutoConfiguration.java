package io.aviary.kit;

import io.aviary.common.events.EventJson;
import io.aviary.common.events.lifecycle.ServiceStarted;
import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.events.DeadLetterHealthIndicator;
import io.aviary.kit.events.DeadLetterReplay;
import io.aviary.kit.events.DeadLetters;
import io.aviary.kit.events.EventHandler;
import io.aviary.kit.events.EventInbox;
import io.aviary.kit.events.EventMaintenance;
import io.aviary.kit.events.EventMetrics;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.events.EventProperties;
import io.aviary.kit.events.EventRetention;
import io.aviary.kit.events.InboxRetries;
import io.aviary.kit.events.OutboxRelay;
import io.aviary.kit.events.TraceParents;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.aviary.kit.events.RequiredTopics;
import io.aviary.kit.lifecycle.EventPathHealthIndicator;
import io.aviary.kit.lifecycle.ServiceStartedAnnouncer;
import io.aviary.kit.ownership.Leases;
import io.aviary.kit.web.ApiExceptionHandler;
import io.aviary.kit.web.BodySizeLimitFilter;
import io.aviary.kit.web.EmptyBodyFilter;
import io.aviary.kit.web.InternalTokenFilter;
import io.aviary.kit.web.RequestIdFilter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every Aviary service gets by depending on the kit: the gateway-only guard, request ids,
 * {@code {"detail"}} errors, body limits, the outbox and its relay, the idempotent inbox on its
 * own topic (plus subscriptions), the lifecycle round trip and its health, and its OpenAPI title.
 */
@AutoConfiguration
@EnableConfigurationProperties({ServiceProperties.class, EventProperties.class})
public class ServiceKitAutoConfiguration {

    /** How often the inbox consumer refreshes topic metadata, in ms. */
    static final int INBOX_METADATA_MAX_AGE_MS = 5_000;

    private final String instanceId = UUID.randomUUID().toString();

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(ServiceProperties service) {
        FilterRegistrationBean<InternalTokenFilter> registration =
                new FilterRegistrationBean<>(new InternalTokenFilter(service.internalToken()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ServiceProperties service) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(service.maxBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EmptyBodyFilter> emptyBodyFilter() {
        FilterRegistrationBean<EmptyBodyFilter> registration = new FilterRegistrationBean<>(new EmptyBodyFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    TransactionTemplate aviaryTransactionTemplate(org.springframework.transaction.PlatformTransactionManager txManager) {
        return new TransactionTemplate(txManager);
    }

    @Bean
    KafkaTemplate<String, String> aviaryEventKafkaTemplate(KafkaProperties kafka) {
        var config = kafka.buildProducerProperties();
        config.put(org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate aviaryTransactionTemplate,
            KafkaTemplate<String, String> aviaryEventKafkaTemplate) {
        return new OutboxRelay(jdbc, aviaryTransactionTemplate, aviaryEventKafkaTemplate);
    }

    @Bean
    EventOutbox eventOutbox(JdbcTemplate jdbc, EventJson json, ServiceProperties service, OutboxRelay relay,
            @Value("${spring.application.name}") String applicationName, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        TraceParents traceParents = currentTracer == null || currentPropagator == null ? TraceParents.none()
                : TraceParents.of(currentTracer, currentPropagator);
        return new EventOutbox(jdbc, json, applicationName, service.ownTopic(), relay, traceParents);
    }

    /** Services never create topics (ADR 0008): they are provisioned before any service starts; checked here. */
    @Bean
    RequiredTopics requiredTopics(KafkaProperties kafka, ServiceProperties service) {
        return new RequiredTopics(kafka.buildAdminProperties(), service.inboxTopics());
    }

    @Bean
    EventPathHealthIndicator eventPathHealthIndicator(JdbcTemplate jdbc) {
        return new EventPathHealthIndicator(jdbc, instanceId);
    }

    @Bean
    ServiceStartedAnnouncer serviceStartedAnnouncer(EventOutbox outbox, TransactionTemplate aviaryTransactionTemplate,
            @Value("${spring.application.name}") String applicationName) {
        String version = getClass().getPackage().getImplementationVersion();
        return new ServiceStartedAnnouncer(outbox, aviaryTransactionTemplate,
                new ServiceStarted(applicationName, instanceId, version == null ? "dev" : version));
    }

    @Bean
    EventInbox eventInbox(JdbcTemplate jdbc, TransactionTemplate aviaryTransactionTemplate, EventJson json,
            List<EventHandler<?>> handlers, DeadLetters deadLetters, EventProperties events, MeterRegistry meters) {
        return new EventInbox(jdbc, aviaryTransactionTemplate, json, handlers, deadLetters, events.handlerAttempts(),
                meters);
    }

    @Bean
    KafkaMessageListenerContainer<String, String> eventInboxContainer(KafkaProperties kafka, ServiceProperties service,
            EventInbox inbox, EventProperties events) {
        var config = kafka.buildConsumerProperties();
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // a grown topic's new partitions are noticed (and the group rebalanced onto them) within seconds, not the
        // default 5 minutes; spring.kafka.consumer.properties.metadata.max.age.ms overrides it
        config.putIfAbsent(org.apache.kafka.clients.consumer.ConsumerConfig.METADATA_MAX_AGE_CONFIG, INBOX_METADATA_MAX_AGE_MS);
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        ContainerProperties properties = new ContainerProperties(service.inboxTopics().toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        // a consumer span per record, child of the record's traceparent (the writer's trace): its trace id is in
        // the MDC of every log line the inbox and the handlers write (docs/adr/0029-observability.md)
        properties.setObservationEnabled(true);
        properties.setMessageListener((MessageListener<String, String>) inbox::receive);
        var container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<String, String>(config), properties);
        container.setCommonErrorHandler(InboxRetries.errorHandler(events.retryMaxBackoff()));
        return container;
    }

    @Bean
    DeadLetters deadLetters(JdbcTemplate jdbc) {
        return new DeadLetters(jdbc);
    }

    @Bean
    DeadLetterHealthIndicator eventDeadLettersHealthIndicator(DeadLetters deadLetters) {
        return new DeadLetterHealthIndicator(deadLetters);
    }

    @Bean
    EventMetrics eventMetrics(JdbcTemplate jdbc, DeadLetters deadLetters) {
        return new EventMetrics(jdbc, deadLetters);
    }

    @Bean
    EventMaintenance eventMaintenance(DeadLetters deadLetters, EventInbox inbox, EventJson json, JdbcTemplate jdbc,
            TransactionTemplate aviaryTransactionTemplate, EventProperties events) {
        return new EventMaintenance(new DeadLetterReplay(deadLetters, inbox, json, aviaryTransactionTemplate),
                new EventRetention(jdbc, events.retention(), events.pruneBatch()), events.replayInterval(),
                events.pruneInterval());
    }

    /**
     * Leases for stateful work owned by one replica at a time (ADR 0026). The owner id is {@code AVIARY_INSTANCE_ID}
     * when set (unique per running replica), otherwise the application name and a random suffix.
     */
    @Bean(destroyMethod = "close")
    Leases leases(JdbcTemplate jdbc, @Value("${spring.application.name}") String applicationName,
            @Value("${AVIARY_INSTANCE_ID:}") String configuredId, @Value("${AVIARY_LEASE_TTL:15s}") Duration ttl) {
        String ownerId = configuredId.isBlank() ? applicationName + "-" + instanceId.substring(0, 8) : configuredId;
        return new Leases(jdbc, ownerId, ttl, ttl.dividedBy(3));
    }

    @Bean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String applicationName) {
        return new OpenAPI().info(new Info().title("Aviary " + applicationName).version("0.1.0"));
    }

    /** Only in services that have the connector layer on their classpath. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "io.aviary.connectors.port.VenueException")
    static class VenueErrors {

        @Bean
        io.aviary.kit.web.VenueExceptionHandler venueExceptionHandler() {
            return new io.aviary.kit.web.VenueExceptionHandler();
        }
    }
}
