package io.aviary.backtesting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * backtesting-service: owns schema `backtesting` and topic `aviary.backtesting.events`. Its REST endpoints arrive with their
 * issues; until then it runs the shared service kit only (migrations, event path, health, metrics).
 */
@SpringBootApplication
public class BacktestingApplication {

    public static void main(String[] args) {
        SpringApplication.run(BacktestingApplication.class, args);
    }
}
