package io.aviary.backtesting.infra;

import io.aviary.backtesting.domain.FundingSource;
import io.aviary.kit.failure.Unavailable;
import io.aviary.strategy.backtest.FundingRates;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Funding rates from market-data-service's {@code POST /market-data/historical-funding-rates}, which fetches a range
 * from the venue once and then answers from its database (the path candles take, {@link MarketDataCandles}). A year
 * is about a thousand events, so the answer is read as a tree.
 */
@Component
public class MarketDataFunding implements FundingSource {

    private static final String TARGET = MarketDataHistory.TARGET;

    private final MarketDataHistory history;
    private final JsonMapper json;

    public MarketDataFunding(MarketDataHistory history, JsonMapper json) {
        this.history = history;
        this.json = json;
    }

    @Override
    public FundingRates load(String connector, String pair, long start, long end) {
        ObjectNode body = history.body(connector, pair).put("start_time", start).put("end_time", end);
        return parse(history.read("market-data/historical-funding-rates", body, "Funding rates"));
    }

    private FundingRates parse(String body) {
        JsonNode rows;
        try {
            rows = json.readTree(body);
        } catch (RuntimeException e) {
            throw new Unavailable(TARGET + " answered funding rates that are not JSON");
        }
        if (!rows.isArray()) {
            throw new Unavailable(TARGET + " answered funding rates that are not a JSON array");
        }
        long[] time = new long[rows.size()];
        double[] rate = new double[rows.size()];
        for (int i = 0; i < time.length; i++) {
            time[i] = rows.get(i).path("timestamp").asLong();
            rate[i] = rows.get(i).path("funding_rate").asDouble();
        }
        try {
            return new FundingRates(time, rate);
        } catch (IllegalArgumentException e) {
            throw new Unavailable(TARGET + " answered funding rates out of order: " + e.getMessage());
        }
    }
}
