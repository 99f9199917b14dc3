package io.aviary.gateway.docs;

import io.aviary.gateway.GatewayProperties;
import io.aviary.gateway.routing.InternalTokenFilter;
import io.aviary.gateway.routing.ServiceRoutes;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /openapi.json}: one OpenAPI document merged from every service's {@code /v3/api-docs},
 * which Swagger UI at {@code /docs} shows. The gateway's own springdoc document is not it: that one
 * only exists because springdoc's UI needs its config endpoint. Services are asked concurrently,
 * each with a short timeout; one that does not answer is left out and named in the description.
 * The result is cached for a few seconds, and concurrent callers share one round of fetches.
 */
@RestController
public class OpenApiAggregator {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(OpenApiAggregator.class);

    private final WebClient client = WebClient.create();
    private final JsonMapper json = JsonMapper.builder().build();
    private final GatewayProperties properties;
    private final OpenApiMerger merger;
    private final Mono<String> document;

    public OpenApiAggregator(GatewayProperties properties, @Value("${aviary.version}") String version) {
        this.properties = properties;
        this.merger = new OpenApiMerger(json, version);
        this.document = Mono.defer(this::fetchAndMerge).cache(doc -> CACHE_FOR, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @GetMapping(value = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<String> openApi() {
        return document;
    }

    private Mono<String> fetchAndMerge() {
        return Flux.fromIterable(ServiceRoutes.PREFIXES.keySet())
                .flatMapSequential(this::fetch)
                .collectList()
                .map(docs -> json.writeValueAsString(merger.merge(docs)));
    }

    private Mono<ServiceDoc> fetch(String service) {
        return client.get().uri(ServiceRoutes.baseUrl(properties, service) + "/v3/api-docs")
                .header(InternalTokenFilter.HEADER, properties.internalToken())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(body -> new ServiceDoc(service, json.readTree(body)))
                .onErrorResume(error -> {
                    log.debug("No API docs from {}: {}", service, error.toString());
                    return Mono.just(ServiceDoc.missing(service));
                });
    }
}
