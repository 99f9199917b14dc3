package io.aviary.gateway.routing;

import io.aviary.gateway.edge.InternalHeaderFilter;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Drops three of Spring Cloud Gateway's {@code HttpHeadersFilter}s that only cost here: each builds a full copy of the
 * proxied request's headers on every request (issue 16, docs/benchmarks.md) and, in this gateway, changes nothing.
 *
 * <ul>
 *   <li>{@code removeForwardedHeadersFilter}, {@code removeXForwardedHeadersFilter}: SCG registers them only when no
 *       trusted proxy is configured, to strip {@code Forwarded} / {@code X-Forwarded-*}. {@link InternalHeaderFilter}
 *       already strips both from every peer that is not a trusted proxy, before routing, so with no trusted proxies
 *       nothing is left for them. With trusted proxies SCG registers its adding filters instead, which stay.</li>
 *   <li>{@code gRPCRequestHeadersFilter}: adds {@code te: trailers} for gRPC, which needs HTTP/2 to the service; the
 *       gateway's client speaks HTTP/1.1 and no Aviary service speaks gRPC.</li>
 * </ul>
 * Hop-by-hop removal and transfer-encoding normalisation stay as SCG has them.
 */
final class RedundantHeaderFilters implements BeanDefinitionRegistryPostProcessor {

    static final List<String> BEANS = List.of("removeForwardedHeadersFilter", "removeXForwardedHeadersFilter",
            "gRPCRequestHeadersFilter");

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        BEANS.stream().filter(registry::containsBeanDefinition).forEach(registry::removeBeanDefinition);
    }
}
