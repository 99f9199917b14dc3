package io.aviary.gateway.routing;

import io.aviary.gateway.auth.WebSocketLogin;
import io.aviary.gateway.web.JsonErrors;
import io.aviary.gateway.web.RequestIdFilter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The route filter of the {@code /ws/*} streams, in place of Spring Cloud Gateway's WebSocket routing: it connects to
 * the service first and upgrades the client only once the service accepted, so a service that is down is a plain
 * 503 {@code {"detail": "<service> service is unavailable"}} instead of a socket that opens and drops. Towards the
 * service it sends the internal token and the request id, never the caller's credentials or query (which may hold
 * them). Then it relays messages both ways, a few at a time (a slow client slows the service's sends, whose own
 * bounded queue coalesces or closes), and relays the close: the service's code and reason to the client, the client's
 * close to the service; a service that dies mid-stream closes the client with 1011 and a reason naming it.
 * No circuit breaker: its time limit would cut every long-lived stream.
 */
public class WebSocketProxy implements GatewayFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(WebSocketProxy.class);

    /** Client → gateway frames: subscribe messages are tiny; the service refuses more than its own limit anyway. */
    static final int MAX_CLIENT_FRAME = 64 * 1024;
    /** Service → gateway messages: a 1000-candle window is about 250 KB. */
    static final int MAX_SERVICE_MESSAGE = 4 * 1024 * 1024;
    /** Messages relayed ahead of the slower side: what one connection may hold in the gateway. */
    private static final int IN_FLIGHT = 4;

    private final String service;
    private final ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient(
            HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000),
            () -> WebsocketClientSpec.builder().maxFramePayloadLength(MAX_SERVICE_MESSAGE));
    private final WebSocketService upgrades = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
            () -> WebsocketServerSpec.builder().maxFramePayloadLength(MAX_CLIENT_FRAME)));

    public WebSocketProxy(String service) {
        this.service = service;
    }

    /** After {@link InternalTokenFilter} (which sets the token this copies), before any routing filter. */
    @Override
    public int getOrder() {
        return 1000;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!WebSocketLogin.isStreamUpgrade(exchange.getRequest())) {
            return JsonErrors.write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
                    "This path is a WebSocket stream: connect with a WebSocket client (Upgrade: websocket)");
        }
        Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        URI target = target(route.getUri(), exchange.getRequest().getPath().value());
        HttpHeaders headers = new HttpHeaders();
        copy(exchange, headers, InternalTokenFilter.HEADER);
        headers.set(RequestIdFilter.HEADER, RequestIdFilter.requestIdOf(exchange));
        ServerWebExchangeUtils.setAlreadyRouted(exchange);
        // The service session lives in its own subscription, so its end is seen as a close (relayed with a reason)
        // rather than as a cancellation that would drop the client without one.
        Sinks.One<WebSocketSession> connected = Sinks.one();
        Sinks.Empty<Void> clientDone = Sinks.empty();
        Disposable service = client.execute(target, headers, backend -> {
            connected.tryEmitValue(backend);
            return clientDone.asMono();
        }).subscribe(null, connected::tryEmitError);
        return connected.asMono()
                .flatMap(backend -> upgrades.handleRequest(exchange,
                        front -> relay(front, backend).doFinally(s -> clientDone.tryEmitEmpty())))
                .doOnCancel(service::dispose)
                .onErrorResume(error -> {
                    service.dispose();
                    return unavailable(exchange, error);
                });
    }

    /** Messages both ways; each side's close is passed to the other. Completes once both directions ended. */
    private Mono<Void> relay(WebSocketSession front, WebSocketSession backend) {
        // One send per client message (they are rare and tiny: subscriptions), so a dead service fails a send, not
        // the client's receive: cancelling that receive made Reactor Netty close the client with an empty close frame
        // (1005), racing the 1011 that names the service (about 1 close in 4).
        Mono<Void> up = front.receive().doOnNext(WebSocketMessage::retain)
                .concatMap(message -> backend.send(Mono.just(message)).onErrorResume(e -> Mono.empty()), IN_FLIGHT)
                .then();
        // The end of the service's messages, normal or not, must not end the client's outbound by itself (Reactor
        // Netty would then close the client without a status, racing the 1011 below): the client is closed by
        // serviceClosed, with the service's status. Hence a dead service's receive error becomes a plain end here.
        Mono<Void> down = front.send(backend.receive().doOnNext(WebSocketMessage::retain).onErrorComplete()
                        .limitRate(IN_FLIGHT)
                        .concatWith(Flux.never()).takeUntilOther(front.closeStatus().then(Mono.just(true))))
                .onErrorResume(e -> Mono.empty());
        Mono<Void> serviceClosed = backend.closeStatus().defaultIfEmpty(CloseStatus.NO_CLOSE_FRAME)
                .flatMap(status -> front.close(towardsClient(status))).onErrorResume(e -> Mono.empty());
        Mono<Void> clientClosed = front.closeStatus().defaultIfEmpty(CloseStatus.NORMAL)
                .flatMap(status -> backend.close(towardsService(status))).onErrorResume(e -> Mono.empty());
        return Mono.when(up, down, serviceClosed, clientClosed);
    }

    /** The service's close as the client should see it; an abnormal end (no close frame: it died) names the service. */
    private CloseStatus towardsClient(CloseStatus status) {
        int code = status.getCode();
        boolean sendable = code == 1000 || (code >= 1001 && code <= 1003) || (code >= 1007 && code <= 1011)
                || (code >= 3000 && code <= 4999);
        return sendable ? status : unavailableStatus();
    }

    private static CloseStatus towardsService(CloseStatus status) {
        int code = status.getCode();
        return code == 1005 || code == 1006 || code == 1015 ? CloseStatus.GOING_AWAY : status;
    }

    private CloseStatus unavailableStatus() {
        return new CloseStatus(1011, service + " service is unavailable");
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            log.debug("{} stream ended with an error: {}", service, error.toString());
            return Mono.empty();
        }
        if (error instanceof WebSocketClientHandshakeException refused && refused.response() != null
                && refused.response().status().code() == HttpStatus.NOT_FOUND.value()) {
            // the service is up but serves no such stream (yet): an honest 404, not "unavailable"
            return JsonErrors.write(exchange.getResponse(), HttpStatus.NOT_FOUND, "Not Found");
        }
        log.warn("{} service unavailable for a stream: {} rid={}", service, error.toString(),
                RequestIdFilter.requestIdOf(exchange));
        return JsonErrors.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, service + " service is unavailable");
    }

    /** ws(s)://host:port/path of the service, without the caller's query (it may carry credentials). */
    static URI target(URI service, String path) {
        String scheme = "https".equalsIgnoreCase(service.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + service.getRawAuthority() + path);
    }

    private static void copy(ServerWebExchange exchange, HttpHeaders to, String name) {
        String value = exchange.getRequest().getHeaders().getFirst(name);
        if (value != null) {
            to.set(name, value);
        }
    }
}
