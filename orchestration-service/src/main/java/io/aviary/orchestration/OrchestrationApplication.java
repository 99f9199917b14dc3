package io.aviary.orchestration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * orchestration-service: owns schema `orchestration` and topic `aviary.orchestration.events`. Its REST endpoints arrive with their
 * issues; until then it runs the shared service kit only (migrations, event path, health, metrics).
 */
@SpringBootApplication
public class OrchestrationApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrchestrationApplication.class, args);
    }
}
