package io.aviary.bot.runtime;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hummingbot's {@code balance limit <exchange> <asset> <amount>}: the most of an asset the bot may commit on an
 * exchange. Here "commit" means what its open orders there would spend (a buy: amount × price of the quote asset; a
 * sell: the base amount), checked before each order is sent; an order that would go over is failed without being
 * sent, and the executor sees an ordinary failure. A negative amount removes the limit, as in Hummingbot. Set from the
 * MQTT command thread, read on the strategy thread.
 */
public final class BalanceLimits {
  private final Map<String, BigDecimal> limits = new ConcurrentHashMap<>();

  /** @return false when a negative amount removed the limit (or there was none to remove) */
  public boolean set(String exchange, String asset, BigDecimal amount) {
    String key = key(exchange, asset);
    if (amount.signum() < 0) {
      limits.remove(key);
      return false;
    }
    limits.put(key, amount);
    return true;
  }

  public Optional<BigDecimal> limit(String exchange, String asset) {
    return Optional.ofNullable(limits.get(key(exchange, asset)));
  }

  /** Every limit, as {@code exchange/ASSET -> amount}, sorted. */
  public Map<String, BigDecimal> all() {
    return new TreeMap<>(limits);
  }

  private static String key(String exchange, String asset) {
    return exchange.toLowerCase(Locale.ROOT) + "/" + asset.toUpperCase(Locale.ROOT);
  }
}
