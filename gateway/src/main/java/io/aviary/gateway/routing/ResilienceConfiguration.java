package io.aviary.gateway.routing;

import io.aviary.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ResponseStatusException;

/**
 * Breaker and time limit for every service route.
 *
 * <ul>
 *   <li>The HTTP client's own timeouts (1 s connect, {@code aviary.gateway.response-timeout} for the
 *       answer) end a call to a dead or stuck service; the time limiter, a little longer, is only a
 *       safety net so that no request can hang.</li>
 *   <li>Only exceptions count as failures: the breaker wraps the exchange, and a service's 4xx/5xx
 *       answer is not an exception (no {@code statusCodes} on the route filter), so honest errors
 *       neither become 503 nor open the breaker. The gateway's own 4xx refusals raised mid-stream
 *       (an oversize chunked body) are not the service's fault and are not counted either.</li>
 *   <li>The breaker opens once half of the last 20 calls (at least 10) failed, answering 503 at once,
 *       and lets a probe through after 10 s.</li>
 * </ul>
 */
@Configuration
class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceBreakers(GatewayProperties properties) {
        Duration limit = properties.responseTimeout().plusSeconds(2);
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(limit).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .recordException(ResilienceConfiguration::isServiceFailure)
                        .build())
                .build());
    }

    static boolean isServiceFailure(Throwable error) {
        return !(error instanceof ResponseStatusException refusal && refusal.getStatusCode().is4xxClientError());
    }
}
