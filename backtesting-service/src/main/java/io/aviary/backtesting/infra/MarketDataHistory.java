package io.aviary.backtesting.infra;

import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.kit.web.InternalServiceClient;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * market-data-service's stored history ({@code POST /market-data/historical-…}): the one call candles and funding
 * rates share. A range is fetched from the venue once there and then answered from its database, so the first read
 * may take long ({@code aviary.backtesting.candles-timeout}). Its 4xx keep their kind and reason (unknown connector,
 * range without data, spot connector for funding); anything else is the dependency being unavailable.
 */
@Component
class MarketDataHistory {
    static final String TARGET = "market-data-service";

    private final InternalServiceClient marketData;
    private final JsonMapper json;
    private final Duration timeout;

    MarketDataHistory(@Value("${aviary.backtesting.market-data-url}") String baseUrl,
            @Value("${aviary.backtesting.candles-timeout:120s}") Duration timeout, ServiceProperties service,
            JsonMapper json) {
        this.marketData = new InternalServiceClient(TARGET, baseUrl, service.internalToken(), "backtesting-service",
                Duration.ofSeconds(5), json);
        this.json = json;
        this.timeout = timeout;
    }

    /** A request body with the connector and pair every history call names. */
    ObjectNode body(String connector, String pair) {
        return json.createObjectNode().put("connector_name", connector).put("trading_pair", pair);
    }

    /**
     * The 200 answer's body of {@code path}.
     *
     * @param what what is read, for messages ("Candles", "Funding rates")
     */
    String read(String path, ObjectNode body, String what) {
        InternalServiceClient.Answer answer;
        try {
            answer = marketData.post(path, body, timeout);
        } catch (InternalServiceClient.UnavailableException e) {
            throw new Unavailable(e.getMessage());
        }
        if (answer.status() != 200) {
            throw refusal(answer, what);
        }
        return answer.body();
    }

    /**
     * The JSON answer of a GET of {@code pathAndQuery}; empty on 404.
     *
     * @throws Unavailable when market-data-service cannot be asked or answers another status
     */
    Optional<JsonNode> get(String pathAndQuery) {
        try {
            return marketData.get(pathAndQuery);
        } catch (InternalServiceClient.UnavailableException e) {
            throw new Unavailable(e.getMessage());
        }
    }

    private RuntimeException refusal(InternalServiceClient.Answer answer, String what) {
        String detail = detail(answer.body());
        return switch (answer.status()) {
            case 400 -> new InvalidRequest(what + ": " + detail);
            case 404 -> new NotFound(what + ": " + detail);
            case 422 -> new Unprocessable(what + ": " + detail);
            default -> new Unavailable(TARGET + " answered HTTP " + answer.status() + " for " + what.toLowerCase(
                    java.util.Locale.ROOT) + ": " + detail);
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
}
