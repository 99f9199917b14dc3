package io.aviary.backtesting.infra;

import io.aviary.backtesting.domain.FundingSource;
import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.kit.web.InternalServiceClient;
import io.aviary.strategy.backtest.FundingRates;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
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

    private static final String TARGET = "market-data-service";

    private final InternalServiceClient marketData;
    private final JsonMapper json;
    private final Duration timeout;

    public MarketDataFunding(@Value("${aviary.backtesting.market-data-url}") String baseUrl,
            @Value("${aviary.backtesting.candles-timeout:120s}") Duration timeout, ServiceProperties service,
            JsonMapper json) {
        this.marketData = new InternalServiceClient(TARGET, baseUrl, service.internalToken(), "backtesting-service",
                Duration.ofSeconds(5), json);
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public FundingRates load(String connector, String pair, long start, long end) {
        ObjectNode body = json.createObjectNode().put("connector_name", connector).put("trading_pair", pair)
                .put("start_time", start).put("end_time", end);
        InternalServiceClient.Answer answer;
        try {
            answer = marketData.post("market-data/historical-funding-rates", body, timeout);
        } catch (InternalServiceClient.UnavailableException e) {
            throw new Unavailable(e.getMessage());
        }
        if (answer.status() != 200) {
            throw refusal(answer);
        }
        return parse(answer.body());
    }

    /** market-data-service's 4xx keeps its kind and reason (spot connector, no funding history, unknown pair). */
    private RuntimeException refusal(InternalServiceClient.Answer answer) {
        String detail = detail(answer.body());
        return switch (answer.status()) {
            case 400 -> new InvalidRequest("Funding rates: " + detail);
            case 404 -> new NotFound("Funding rates: " + detail);
            case 422 -> new Unprocessable("Funding rates: " + detail);
            default -> new Unavailable(TARGET + " answered HTTP " + answer.status() + " for funding rates: " + detail);
        };
    }

    private String detail(String body) {
        try {
            JsonNode detail = json.readTree(body).get("detail");
            String text = detail == null ? "" : detail.isString() ? detail.asString() : detail.toString();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        } catch (RuntimeException e) {
            return "(no reason given)";
        }
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
