package io.aviary.bot.events;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One item of the {@code history} RPC's {@code trades} list: a TradeFill row as Hummingbot's
 * {@code TradeFill.to_bounty_api_json} gives it. Read from the bot database, answered on the {@code history} RPC.
 *
 * @param price {@code numpy.format_float_positional} of the stored price, e.g. {@code "94012.1"}, {@code "94012."}
 * @param tradeTimestamp epoch milliseconds
 * @param tradeType {@code BUY} or {@code SELL}
 * @param tradeFee the stored {@code trade_fee} JSON, parsed ({@code fee_type, percent, percent_token, flat_fees})
 */
public record HistoryTrade(
    String market,
    String tradeId,
    String price,
    String quantity,
    String symbol,
    long tradeTimestamp,
    String tradeType,
    String baseAsset,
    String quoteAsset,
    Map<String, Object> tradeFee) {

  public HistoryTrade {
    tradeFee = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tradeFee));
  }

  /** The item with Hummingbot's keys in Hummingbot's order, ready for a JSON writer. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("market", market);
    map.put("trade_id", tradeId);
    map.put("price", price);
    map.put("quantity", quantity);
    map.put("symbol", symbol);
    map.put("trade_timestamp", tradeTimestamp);
    map.put("trade_type", tradeType);
    map.put("base_asset", baseAsset);
    map.put("quote_asset", quoteAsset);
    map.put("raw_json", Map.of("trade_fee", tradeFee));
    return map;
  }

  /**
   * {@code numpy.format_float_positional(Decimal(stored) / 10**6)}: the value as a float64, its shortest round-trip
   * digits, never an exponent, and numpy's trailing {@code "."} on integral values ({@code trim='k'}).
   */
  public static String numpyPositional(BigDecimal value) {
    double asFloat = value.doubleValue();
    BigDecimal shortest = new BigDecimal(Double.toString(asFloat)).stripTrailingZeros();
    String plain = (shortest.scale() < 0 ? shortest.setScale(0) : shortest).toPlainString();
    return plain.contains(".") ? plain : plain + ".";
  }
}
