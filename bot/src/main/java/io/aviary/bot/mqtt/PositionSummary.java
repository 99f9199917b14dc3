package io.aviary.bot.mqtt;

import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a controller's {@code positions_summary} (Hummingbot's {@code PositionSummary}, internals §1.5).
 *
 * @param side written as {@code "TradeType.BUY"}
 */
public record PositionSummary(
    String connectorName,
    String tradingPair,
    BigDecimal volumeTradedQuote,
    TradeType side,
    BigDecimal amount,
    BigDecimal breakevenPrice,
    BigDecimal unrealizedPnlQuote,
    BigDecimal realizedPnlQuote,
    BigDecimal cumFeesQuote) {

  Map<String, Object> toWire() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("connector_name", connectorName);
    m.put("trading_pair", tradingPair);
    m.put("volume_traded_quote", volumeTradedQuote);
    m.put("side", side);
    m.put("amount", amount);
    m.put("breakeven_price", breakevenPrice);
    m.put("unrealized_pnl_quote", unrealizedPnlQuote);
    m.put("realized_pnl_quote", realizedPnlQuote);
    m.put("cum_fees_quote", cumFeesQuote);
    return m;
  }
}
