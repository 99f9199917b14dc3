package io.aviary.marketdata.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.marketdata.app.Feeds.ActiveFeed;
import io.aviary.marketdata.domain.BookQueryResult;
import io.aviary.marketdata.domain.BookView;
import io.aviary.marketdata.domain.FundingPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hummingbot API's market-data response bodies (snake_case; times in epoch seconds as numbers). */
final class MarketDataResponses {

    private MarketDataResponses() {
    }

    static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    record PricesResponse(String connector, Map<String, BigDecimal> prices, double timestamp) {
    }

    /** One past funding event: epoch seconds, the rate (positive: longs paid), the venue's mark price or null. */
    record FundingRateResponse(@JsonProperty("timestamp") long timestamp,
            @JsonProperty("funding_rate") BigDecimal fundingRate,
            @JsonProperty("mark_price") BigDecimal markPrice) {

        static FundingRateResponse of(FundingPoint p) {
            return new FundingRateResponse(p.time(), p.rate(), p.markPrice());
        }
    }

    record FundingInfoResponse(@JsonProperty("trading_pair") String tradingPair,
            @JsonProperty("funding_rate") BigDecimal fundingRate,
            @JsonProperty("next_funding_time") Double nextFundingTime,
            @JsonProperty("mark_price") BigDecimal markPrice,
            @JsonProperty("index_price") BigDecimal indexPrice) {

        static FundingInfoResponse of(FundingInfo f) {
            return new FundingInfoResponse(f.tradingPair().toString(), f.rate(),
                    f.nextFundingTime() == null ? null : seconds(f.nextFundingTime()), f.markPrice(), f.indexPrice());
        }
    }

    record Level(BigDecimal price, BigDecimal amount) {
        static List<Level> of(List<PriceLevel> levels) {
            return levels.stream().map(l -> new Level(l.price(), l.amount())).toList();
        }
    }

    record OrderBookResponse(@JsonProperty("trading_pair") String tradingPair, List<Level> bids, List<Level> asks,
            double timestamp) {

        static OrderBookResponse of(BookView book, int depth) {
            return new OrderBookResponse(book.pair().toString(), Level.of(book.bids(depth)), Level.of(book.asks(depth)),
                    seconds(book.timestamp()));
        }
    }

    record OrderBookQueryResponse(@JsonProperty("trading_pair") String tradingPair,
            @JsonProperty("is_buy") boolean isBuy,
            @JsonProperty("query_volume") Double queryVolume,
            @JsonProperty("query_price") Double queryPrice,
            @JsonProperty("result_price") Double resultPrice,
            @JsonProperty("result_volume") Double resultVolume,
            @JsonProperty("result_quote_volume") Double resultQuoteVolume,
            @JsonProperty("average_price") Double averagePrice,
            double timestamp) {

        static OrderBookQueryResponse of(BookView book, boolean isBuy, BookQueryResult r) {
            return new OrderBookQueryResponse(book.pair().toString(), isBuy, r.queryVolume(), r.queryPrice(),
                    r.resultPrice(), r.resultVolume(), r.resultQuoteVolume(), r.averagePrice(), seconds(book.timestamp()));
        }
    }

    record ActiveFeedResponse(@JsonProperty("feed_type") String feedType,
            @JsonProperty("last_access_time") double lastAccessTime,
            @JsonProperty("seconds_since_access") double secondsSinceAccess,
            @JsonProperty("will_expire_in") double willExpireIn,
            String config) {

        static ActiveFeedResponse of(ActiveFeed f) {
            return new ActiveFeedResponse(f.feedType(), seconds(f.lastAccess()), seconds(f.sinceAccess()),
                    seconds(f.expiresIn()), f.config());
        }
    }

    record SettingsResponse(@JsonProperty("cleanup_interval") int cleanupInterval,
            @JsonProperty("feed_timeout") int feedTimeout, String description) {
    }
}
