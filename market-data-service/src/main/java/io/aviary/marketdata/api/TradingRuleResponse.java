package io.aviary.marketdata.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aviary.connectors.model.TradingRule;
import java.math.BigDecimal;

/** Hummingbot API's trading-rule entry (snake_case, numbers; {@code max_order_size} may be null). */
public record TradingRuleResponse(
        @JsonProperty("min_order_size") BigDecimal minOrderSize,
        @JsonProperty("max_order_size") BigDecimal maxOrderSize,
        @JsonProperty("min_price_increment") BigDecimal minPriceIncrement,
        @JsonProperty("min_base_amount_increment") BigDecimal minBaseAmountIncrement,
        @JsonProperty("min_quote_amount_increment") BigDecimal minQuoteAmountIncrement,
        @JsonProperty("min_notional_size") BigDecimal minNotionalSize,
        @JsonProperty("min_order_value") BigDecimal minOrderValue,
        @JsonProperty("max_price_significant_digits") BigDecimal maxPriceSignificantDigits,
        @JsonProperty("supports_limit_orders") boolean supportsLimitOrders,
        @JsonProperty("supports_market_orders") boolean supportsMarketOrders,
        @JsonProperty("buy_order_collateral_token") String buyOrderCollateralToken,
        @JsonProperty("sell_order_collateral_token") String sellOrderCollateralToken) {

    static TradingRuleResponse of(TradingRule rule) {
        return new TradingRuleResponse(rule.minOrderSize(), rule.maxOrderSize(), rule.minPriceIncrement(),
                rule.minBaseAmountIncrement(), rule.minQuoteAmountIncrement(), rule.minNotionalSize(),
                rule.minOrderValue(), rule.maxPriceSignificantDigits(), rule.supportsLimitOrders(),
                rule.supportsMarketOrders(), rule.buyOrderCollateralToken(), rule.sellOrderCollateralToken());
    }
}
