package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.sim.FlowParams;
import java.math.BigDecimal;

/**
 * One listed market: its trading rules, where its synthetic price starts and how it moves, and
 * whether simulated participants trade it ({@code simulated = false} leaves a quiet book that only
 * accounts trade in — handy for tests and demos).
 */
public record MarketConfig(String base, String quote, BigDecimal tickSize, BigDecimal stepSize, BigDecimal minSize,
        BigDecimal maxSize, BigDecimal minNotional, double initialPrice, double annualVolatility,
        double volumePerSecond, boolean simulated, FlowParams flow) {

    public String symbol() {
        return base + "-" + quote;
    }

    public MarketRules rules() {
        return new MarketRules(symbol(), base, quote, tickSize, stepSize, minSize, maxSize, minNotional);
    }

    public MarketConfig withSimulated(boolean on) {
        return new MarketConfig(base, quote, tickSize, stepSize, minSize, maxSize, minNotional, initialPrice,
                annualVolatility, volumePerSecond, on, flow);
    }
}
