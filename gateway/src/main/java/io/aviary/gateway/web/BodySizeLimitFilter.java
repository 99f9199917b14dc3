package io.aviary.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit: a declared Content-Length at once with 413, a chunked
 * body as soon as the bytes streamed through pass the limit.
 */
public class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    public BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return JsonErrors.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large: " + declared + " bytes (limit " + maxBytes + ")");
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        var counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            private long seen;

            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> {
                    seen += buffer.readableByteCount();
                    if (seen > maxBytes) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                                "Request body too large: more than " + maxBytes + " bytes (limit " + maxBytes + ")");
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
