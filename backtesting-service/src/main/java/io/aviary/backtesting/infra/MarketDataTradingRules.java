package io.aviary.backtesting.infra;

import io.aviary.backtesting.domain.TradingRulesSource;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.web.InternalServiceClient;
import io.aviary.strategy.market.TradingRules;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Trading rules from market-data-service's {@code GET /connectors/{connector}/trading-rules?trading_pairs=…} (the
 * venue's rules, Hummingbot API's snake_case entry per pair). A 404 (pair or connector not listed) is no rules; the
 * dependency down is the 503 the candle read gives ({@link MarketDataHistory}).
 */
@Component
public class MarketDataTradingRules implements TradingRulesSource {

    private final MarketDataHistory history;

    public MarketDataTradingRules(MarketDataHistory history) {
        this.history = history;
    }

    @Override
    public TradingRules load(String connector, String pair) {
        Optional<JsonNode> answer = history.get("connectors/" + InternalServiceClient.encode(connector)
                + "/trading-rules?trading_pairs=" + InternalServiceClient.encode(pair));
        if (answer.isEmpty()) {
            return TradingRules.NONE;
        }
        JsonNode rule = answer.get().get(pair);
        if (rule == null || !rule.isObject()) {
            return TradingRules.NONE;
        }
        try {
            return new TradingRules(number(rule, "min_order_size"), number(rule, "min_notional_size"),
                    number(rule, "min_price_increment"), number(rule, "min_base_amount_increment"));
        } catch (IllegalArgumentException e) {
            throw new Unavailable(MarketDataHistory.TARGET + " answered trading rules of " + connector + " " + pair
                    + " that are not valid: " + e.getMessage());
        }
    }

    /** A rule field; absent or null is no constraint (0). */
    private static double number(JsonNode rule, String field) {
        JsonNode value = rule.get(field);
        return value == null || value.isNull() ? 0 : value.asDouble();
    }
}
