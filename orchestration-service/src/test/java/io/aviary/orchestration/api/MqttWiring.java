package io.aviary.orchestration.api;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Adds the MQTT package to {@link OrchestrationHttpTestBase}'s context for the MQTT tests only. */
@Configuration(proxyBeanMethods = false)
@ComponentScan("io.aviary.orchestration.mqtt")
class MqttWiring {
}
