package io.aviary.backtesting;

import io.aviary.backtesting.app.BacktestingSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * backtesting-service: owns schema `backtesting` and topic `aviary.backtesting.events`. Runs backtests of controller
 * configs over market-data-service's stored candles on a bounded worker pool, directly ({@code /backtesting/run},
 * {@code /backtesting/run-backtesting}) or as tasks kept in PostgreSQL ({@code /backtesting/tasks}).
 */
@SpringBootApplication
@EnableConfigurationProperties(BacktestingSettings.class)
public class BacktestingApplication {

    public static void main(String[] args) {
        SpringApplication.run(BacktestingApplication.class, args);
    }
}
