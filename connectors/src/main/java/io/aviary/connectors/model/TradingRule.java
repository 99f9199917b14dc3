package io.aviary.connectors.model;

import java.math.BigDecimal;

/**
 * A venue's rules for one pair, with the field set of Hummingbot's {@code TradingRule}.
 * {@code maxOrderSize} may be null (no limit).
 */
public record TradingRule(
        TradingPair tradingPair,
        BigDecimal minOrderSize,
        BigDecimal maxOrderSize,
        BigDecimal minPriceIncrement,
        BigDecimal minBaseAmountIncrement,
        BigDecimal minQuoteAmountIncrement,
        BigDecimal minNotionalSize,
        BigDecimal minOrderValue,
        BigDecimal maxPriceSignificantDigits,
        boolean supportsLimitOrders,
        boolean supportsMarketOrders,
        String buyOrderCollateralToken,
        String sellOrderCollateralToken) {
}
