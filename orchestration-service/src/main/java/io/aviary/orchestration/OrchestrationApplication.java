package io.aviary.orchestration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * orchestration-service: owns schema `orchestration` and topic `aviary.orchestration.events`. Serves the controller and
 * script configs and code ({@code /controllers}, {@code /scripts}) and the controller configs of deployed bots'
 * instance folders under {@code BOTS_PATH}; bot deployment and supervision arrive with their issue.
 */
@SpringBootApplication
public class OrchestrationApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrchestrationApplication.class, args);
    }
}
