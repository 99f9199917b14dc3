package io.aviary.marketdata;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * market-data-service: owns schema `market_data` and topic `aviary.market-data.events`. Its REST endpoints arrive with their
 * issues; until then it runs the shared service kit only (migrations, event path, health, metrics).
 */
@SpringBootApplication
public class MarketDataApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketDataApplication.class, args);
    }
}
