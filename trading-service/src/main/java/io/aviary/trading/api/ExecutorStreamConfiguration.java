package io.aviary.trading.api;

import io.aviary.kit.stream.StreamContainer;
import io.aviary.kit.stream.StreamSocket;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/** Mounts {@code /ws/executors} (the kit's stream endpoint) on the service's servlet stack. */
@Configuration
@EnableWebSocket
@EnableConfigurationProperties(ExecutorStreamSettings.class)
class ExecutorStreamConfiguration implements WebSocketConfigurer {

    private final StreamSocket socket;

    ExecutorStreamConfiguration(ExecutorsController executors, ExecutorStreamSettings settings, JsonMapper mapper) {
        this.socket = new StreamSocket("executors", new ExecutorStreams(executors), settings.limits(), mapper);
    }

    @Bean
    StreamSocket executorsSocket() {
        return socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/ws/executors");
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(ExecutorStreamSettings settings) {
        return StreamContainer.forMessagesUpTo(settings.maxMessageBytes());
    }
}
