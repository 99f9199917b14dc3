package io.aviary.simexchange.api.ws;

import io.aviary.simexchange.app.ApiKeyService;
import io.aviary.simexchange.app.PriceOracle;
import io.aviary.simexchange.app.VenueConfig;
import io.aviary.simexchange.app.VenueCore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class WsConfig implements WebSocketConfigurer {

    private final VenueSocketHandler handler;

    public WsConfig(VenueCore core, ApiKeyService keys, JsonMapper json, PriceOracle oracle, VenueConfig config) {
        SocketHub hub = new SocketHub(json, oracle, config);
        core.addListener(hub);
        this.handler = new VenueSocketHandler(hub, core, keys, json);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws").setAllowedOrigins("*");
    }
}
