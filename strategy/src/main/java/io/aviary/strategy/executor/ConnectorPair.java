package io.aviary.strategy.executor;

import java.util.Set;

/** Hummingbot's {@code ConnectorPair}: one market, a trading pair on a connector. */
public record ConnectorPair(String connectorName, String tradingPair) {

  /** Wrapped and bridged tokens Hummingbot treats as the same asset for arbitrage and XEMM. */
  private static final Set<Set<String>> INTERCHANGEABLE = Set.of(Set.of("WETH", "ETH"), Set.of("WBTC", "BTC"),
      Set.of("WBNB", "BNB"), Set.of("WPOL", "POL"), Set.of("WAVAX", "AVAX"), Set.of("WONE", "ONE"),
      Set.of("USDC", "USDC.E"), Set.of("USOL", "SOL"), Set.of("UETH", "ETH"), Set.of("UBTC", "BTC"));

  public ConnectorPair {
    if (connectorName == null || connectorName.isBlank() || tradingPair == null || tradingPair.indexOf('-') <= 0
        || tradingPair.indexOf('-') == tradingPair.length() - 1) {
      throw new IllegalArgumentException("a market needs connector_name and a trading_pair like BTC-USDT");
    }
  }

  public String base() {
    return tradingPair.substring(0, tradingPair.indexOf('-'));
  }

  public String quote() {
    return tradingPair.substring(tradingPair.indexOf('-') + 1);
  }

  /**
   * Hummingbot's {@code _are_tokens_interchangeable}: the same token, a wrapped/bridged pair of it, or two USD
   * stablecoins (any two tokens whose names contain "USD").
   */
  static boolean interchangeable(String a, String b) {
    return a.equals(b) || INTERCHANGEABLE.contains(Set.of(a, b)) || (a.contains("USD") && b.contains("USD"));
  }

  /**
   * Checks that two markets trade the same asset against quotes worth the same, which is what a price comparison
   * between them without a rate oracle needs (Hummingbot converts the quotes with its rate oracle; Aviary's
   * executors accept only quotes it treats as interchangeable, at a rate of 1).
   */
  static void requireComparable(ConnectorPair buying, ConnectorPair selling, String executor) {
    if (buying == null || selling == null) {
      throw new IllegalArgumentException(executor + " needs buying_market and selling_market");
    }
    if (!interchangeable(buying.base(), selling.base())) {
      throw new IllegalArgumentException(executor + " is not valid since the trading pairs are not interchangeable: "
          + buying.tradingPair() + " / " + selling.tradingPair());
    }
    if (!interchangeable(buying.quote(), selling.quote())) {
      throw new IllegalArgumentException(executor + " needs quote assets worth the same on both markets: "
          + buying.quote() + " / " + selling.quote());
    }
    if (buying.equals(selling)) {
      throw new IllegalArgumentException(executor + " needs two different markets");
    }
  }
}
