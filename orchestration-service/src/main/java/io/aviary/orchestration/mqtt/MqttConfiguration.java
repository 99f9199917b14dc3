package io.aviary.orchestration.mqtt;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The broker and timing settings from the environment (Hummingbot API names where they exist). */
@Configuration(proxyBeanMethods = false)
public class MqttConfiguration {

    @Bean
    BrokerSettings brokerSettings(@Value("${BROKER_HOST:localhost}") String host,
            @Value("${BROKER_PORT:1883}") int port,
            @Value("${BROKER_USERNAME:}") String username,
            @Value("${BROKER_PASSWORD:}") String password,
            @Value("${aviary.bots.liveness-window:30s}") Duration livenessWindow,
            @Value("${aviary.bots.discovery-window:300s}") Duration discoveryWindow,
            @Value("${aviary.bots.command-timeout:30s}") Duration commandTimeout,
            @Value("${BROKER_PERFORMANCE_DUMP_INTERVAL:5}") String dumpInterval) {
        return new BrokerSettings(host, port, username, password, livenessWindow, discoveryWindow, commandTimeout,
                minutesOrDuration(dumpInterval));
    }

    /** Hummingbot's value is whole minutes ({@code 5}); a unit ({@code 30s}) is accepted too. */
    static Duration minutesOrDuration(String value) {
        String v = value.strip();
        Duration d = v.chars().allMatch(Character::isDigit) ? Duration.ofMinutes(Long.parseLong(v))
                : DurationStyle.detectAndParse(v);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("BROKER_PERFORMANCE_DUMP_INTERVAL must be positive");
        }
        return d;
    }
}
