package io.aviary.gateway.docs;

import io.aviary.gateway.GatewayProperties;
import io.aviary.gateway.routing.InternalTokenFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /openapi.json}: one OpenAPI document merged from every service's {@code /v3/api-docs},
 * which Swagger UI at {@code /docs} shows. Services are asked concurrently with a short timeout;
 * one that does not answer is left out and named in the description. Cached for a few seconds.
 */
@RestController
public class OpenApiAggregator {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private final WebClient client;
    private final GatewayProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    public OpenApiAggregator(GatewayProperties properties) {
        this.client = WebClient.create();
        this.properties = properties;
    }

    @GetMapping(value = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<String> openApi() {
        Cached cached = cache.get();
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return Mono.just(cached.document());
        }
        return Flux.fromIterable(properties.services().entrySet())
                .flatMap(service -> fetch(service.getKey(), service.getValue()))
                .collectList()
                .map(this::merge)
                .doOnNext(doc -> cache.set(new Cached(doc, Instant.now().plus(CACHE_FOR))));
    }

    private Mono<Tuple2<String, JsonNode>> fetch(String service, String baseUrl) {
        return client.get().uri(baseUrl + "/v3/api-docs")
                .header(InternalTokenFilter.HEADER, properties.internalToken())
                .retrieve().bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(body -> json.readTree(body))
                .onErrorResume(e -> Mono.just(json.nullNode()))
                .map(doc -> reactor.util.function.Tuples.of(service, doc));
    }

    private String merge(List<Tuple2<String, JsonNode>> docs) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode paths = json.createObjectNode();
        ObjectNode schemas = json.createObjectNode();
        List<String> missing = new ArrayList<>();
        docs.stream().sorted(java.util.Comparator.comparing(Tuple2::getT1)).forEach(entry -> {
                    JsonNode doc = entry.getT2();
                    if (doc == null || !doc.isObject()) {
                        missing.add(entry.getT1());
                        return;
                    }
                    doc.path("paths").properties().forEach(path -> {
                        ObjectNode operations = (ObjectNode) path.getValue().deepCopy();
                        operations.put("x-aviary-service", entry.getT1());
                        paths.putIfAbsent(path.getKey(), operations);
                    });
                    doc.path("components").path("schemas").properties()
                            .forEach(schema -> schemas.putIfAbsent(schema.getKey(), schema.getValue()));
                });
        String description = "All Aviary services behind the gateway. Authenticate with HTTP Basic.";
        if (!missing.isEmpty()) {
            description += " Not reachable just now, so not listed: " + String.join(", ", missing) + ".";
        }
        merged.set("info", json.createObjectNode().put("title", "Aviary API").put("version", "0.1.0")
                .put("description", description));
        merged.set("paths", paths);
        merged.set("components", json.createObjectNode().set("schemas", schemas));
        merged.set("security", json.createArrayNode().add(json.createObjectNode().set("basic", json.createArrayNode())));
        ((ObjectNode) merged.get("components")).set("securitySchemes", json.createObjectNode()
                .set("basic", json.createObjectNode().put("type", "http").put("scheme", "basic")));
        return json.writeValueAsString(merged);
    }

    private record Cached(String document, Instant until) {
    }
}
