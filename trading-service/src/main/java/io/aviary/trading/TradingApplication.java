package io.aviary.trading;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * trading-service: the live authenticated connector sessions, orders, fills, positions, funding payments,
 * leverage and position modes; owns schema {@code trading} and topic {@code aviary.trading.events}.
 */
@SpringBootApplication
public class TradingApplication {

    public static void main(String[] args) {
        SpringApplication.run(TradingApplication.class, args);
    }
}
