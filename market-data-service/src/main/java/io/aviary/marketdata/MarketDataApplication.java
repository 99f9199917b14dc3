package io.aviary.marketdata;

import io.aviary.marketdata.app.MarketDataSettings;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * market-data-service: owns schema `market_data` and topic `aviary.market-data.events`: the
 * connector catalog, live candle and order-book feeds, historical candles, prices and funding.
 */
@SpringBootApplication
@EnableConfigurationProperties(MarketDataSettings.class)
public class MarketDataApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketDataApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
