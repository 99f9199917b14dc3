package io.aviary.marketdata.api.stream;

import io.aviary.kit.stream.StreamContainer;
import io.aviary.kit.stream.StreamSocket;
import io.aviary.marketdata.app.MarketStreams;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/** Mounts {@code /ws/market-data} on the service's servlet stack (Tomcat's JSR 356 container). */
@Configuration
@EnableWebSocket
@EnableConfigurationProperties(StreamSettings.class)
class StreamConfiguration implements WebSocketConfigurer {

    private final StreamSocket socket;

    StreamConfiguration(MarketStreams streams, StreamSettings settings, JsonMapper mapper) {
        this.socket = new StreamSocket("market-data", new MarketDataStreams(streams), settings.limits(), mapper);
    }

    /** The endpoint's handler (its {@code stats()} show each connection's queue and coalesced updates). */
    @Bean
    StreamSocket marketDataSocket() {
        return socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/ws/market-data");
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(StreamSettings settings) {
        return StreamContainer.forMessagesUpTo(settings.maxMessageBytes());
    }
}
