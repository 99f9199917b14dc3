package io.aviary.gateway.routing;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances (replicas) of one service, from its comma-separated {@code AVIARY_<SERVICE>_URL}, taken in turn:
 * each request starts at the next instance, and each retry of that request moves on to the one after.
 */
public final class ServiceInstances {

    private final String service;
    private final List<URI> instances;
    private final AtomicInteger next = new AtomicInteger();

    ServiceInstances(String service, List<URI> instances) {
        if (instances.isEmpty()) {
            throw new IllegalStateException("aviary.gateway.services." + service + " (its base URL) is not set");
        }
        this.service = service;
        this.instances = List.copyOf(instances);
    }

    /** {@code http://a:8102,http://b:8112} → both; blanks around commas are ignored. */
    static ServiceInstances parse(String service, String urls) {
        List<URI> parsed = urls == null ? List.of() : Arrays.stream(urls.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(ServiceInstances::uri).toList();
        return new ServiceInstances(service, parsed);
    }

    private static URI uri(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("not an absolute http(s) URL: " + url);
        }
        return uri;
    }

    public String service() {
        return service;
    }

    public URI first() {
        return instances.getFirst();
    }

    public int size() {
        return instances.size();
    }

    /** Where a request's first attempt goes. */
    int start() {
        return Math.floorMod(next.getAndIncrement(), instances.size());
    }

    /** The instance of attempt {@code attempt} (0 = first) of a request that started at {@code start}. */
    URI pick(int start, int attempt) {
        return instances.get(Math.floorMod(start + attempt, instances.size()));
    }
}
