package io.aviary.marketdata.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code aviary_feeds{type}}: live market-data feeds on this replica by type ({@code candles}, {@code order_book});
 * a feed still opening is not counted. Against {@code MARKET_DATA_MAX_FEEDS} it shows how close a replica is to
 * answering 429.
 */
@Component
public class FeedMetrics implements MeterBinder {

    static final List<String> TYPES = List.of("candles", "order_book");

    private final Feeds feeds;

    public FeedMetrics(Feeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String type : TYPES) {
            Gauge.builder("aviary.feeds", feeds, f -> f.active().values().stream()
                            .filter(feed -> feed.feedType().equals(type)).count())
                    .description("live market-data feeds by type")
                    .tag("type", type)
                    .register(registry);
        }
    }
}
