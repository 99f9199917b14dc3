package io.aviary.trading;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * trading-service: owns schema `trading` and topic `aviary.trading.events`. Its REST endpoints arrive with their
 * issues; until then it runs the shared service kit only (migrations, event path, health, metrics).
 */
@SpringBootApplication
public class TradingApplication {

    public static void main(String[] args) {
        SpringApplication.run(TradingApplication.class, args);
    }
}
