package io.aviary.marketdata.domain;

import io.aviary.connectors.model.OrderBookDiff;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-written books for the tests: {@code levels("100:1", "101:2")}. */
public final class Books {

    public static final TradingPair PAIR = TradingPair.parse("BTC-USDT");

    private Books() {
    }

    public static List<PriceLevel> levels(String... priceColonAmount) {
        List<PriceLevel> out = new ArrayList<>();
        for (String level : priceColonAmount) {
            String[] parts = level.split(":");
            out.add(new PriceLevel(new BigDecimal(parts[0]), new BigDecimal(parts[1])));
        }
        return out;
    }

    public static OrderBookSnapshot snapshot(long sequence, List<PriceLevel> bids, List<PriceLevel> asks) {
        return new OrderBookSnapshot(PAIR, sequence, Instant.ofEpochSecond(1_000), bids, asks);
    }

    public static OrderBookDiff diff(long first, long last, List<PriceLevel> bids, List<PriceLevel> asks) {
        return new OrderBookDiff(PAIR, first, last, Instant.ofEpochSecond(1_000 + last), bids, asks);
    }
}
