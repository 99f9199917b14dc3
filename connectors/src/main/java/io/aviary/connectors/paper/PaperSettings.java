package io.aviary.connectors.paper;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How paper accounts behave: fee rates (charged in the quote asset), what a new account starts
 * with (Hummingbot's paper-trade defaults) and how often resting orders are checked against the
 * venue's book.
 */
public record PaperSettings(BigDecimal makerFee, BigDecimal takerFee, Map<String, BigDecimal> startingBalances,
        Duration bookCheckInterval) {

    public PaperSettings {
        startingBalances = Map.copyOf(startingBalances);
    }

    public static PaperSettings defaults() {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        balances.put("BTC", BigDecimal.ONE);
        balances.put("USDT", new BigDecimal("100000"));
        balances.put("USDC", new BigDecimal("100000"));
        balances.put("ETH", new BigDecimal("20"));
        balances.put("WETH", new BigDecimal("20"));
        balances.put("SOL", new BigDecimal("100"));
        balances.put("DOGE", new BigDecimal("1000000"));
        balances.put("HBOT", new BigDecimal("10000000"));
        return new PaperSettings(new BigDecimal("0.001"), new BigDecimal("0.001"), balances, Duration.ofMillis(500));
    }
}
