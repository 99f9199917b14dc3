package io.aviary.kit.config;

import io.aviary.common.events.Topics;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity and wiring of one service.
 *
 * @param domain            the domain it produces events for; its topic is {@code aviary.<domain>.events}
 * @param internalToken     the shared secret the gateway adds; requests without it are refused
 * @param maxBodyBytes      larger request bodies are refused with 413 before they are read
 * @param subscribedTopics  topics its inbox consumes besides its own (topics are provisioned outside the services)
 */
@ConfigurationProperties("aviary.service")
public record ServiceProperties(
        String domain, String internalToken, Long maxBodyBytes, List<String> subscribedTopics) {

    public ServiceProperties {
        if (domain == null || domain.isBlank()) {
            throw new IllegalStateException("aviary.service.domain is not set");
        }
        if (internalToken == null || internalToken.isBlank()) {
            throw new IllegalStateException(
                    "AVIARY_INTERNAL_TOKEN is not set: services only accept calls that carry the gateway's internal token");
        }
        maxBodyBytes = maxBodyBytes == null ? 64 * 1024 : maxBodyBytes;
        subscribedTopics = subscribedTopics == null ? List.of() : List.copyOf(subscribedTopics);
    }

    public String ownTopic() {
        return Topics.forDomain(domain);
    }

    /** Its own topic first (for its lifecycle round trip), then whatever it subscribed to. */
    public List<String> inboxTopics() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(ownTopic()), subscribedTopics.stream())
                .distinct().toList();
    }
}
