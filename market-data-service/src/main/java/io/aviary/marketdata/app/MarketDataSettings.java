package io.aviary.marketdata.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Feed lifecycle and limits, in seconds like Hummingbot API's {@code MARKET_DATA_*} variables
 * (mapped in application.yml).
 *
 * @param feedTimeout            a feed unused this long is stopped ({@code MARKET_DATA_FEED_TIMEOUT}, 600)
 * @param cleanupInterval        seconds between expiry sweeps ({@code MARKET_DATA_CLEANUP_INTERVAL}, 300)
 * @param readyTimeout           how long a request waits for a new feed to be ready
 *                               ({@code MARKET_DATA_CANDLES_READY_TIMEOUT}, 30)
 * @param maxHistoricalCandles   largest historical-candles answer, in candles
 * @param maxFeeds               most live feeds at once ({@code MARKET_DATA_MAX_FEEDS}, 100): each holds a venue
 *                               stream (one WebSocket per feed on Binance, request weight every poll on polled
 *                               venues) and up to a few MB of candles or book levels
 */
@ConfigurationProperties("aviary.market-data")
public record MarketDataSettings(int feedTimeout, int cleanupInterval, int readyTimeout, int maxHistoricalCandles,
        int maxFeeds) {

    public MarketDataSettings {
        requirePositive("feed-timeout", feedTimeout);
        requirePositive("cleanup-interval", cleanupInterval);
        requirePositive("ready-timeout", readyTimeout);
        requirePositive("max-historical-candles", maxHistoricalCandles);
        requirePositive("max-feeds", maxFeeds);
    }

    public Duration feedTimeoutDuration() {
        return Duration.ofSeconds(feedTimeout);
    }

    public Duration readyTimeoutDuration() {
        return Duration.ofSeconds(readyTimeout);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalStateException("aviary.market-data." + name + " must be a positive number, was " + value);
        }
    }
}
