package io.aviary.bot.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * A fill's fee in Hummingbot's {@code TradeFeeBase.to_json()} terms (stored as TradeFill.trade_fee JSON).
 *
 * @param feeType {@code AddedToCost} or {@code DeductedFromReturns}
 * @param percentToken {@code null} when the percent applies to the quote asset
 */
public record TradeFee(String feeType, BigDecimal percent, String percentToken, List<FlatFee> flatFees) {

  public TradeFee {
    flatFees = List.copyOf(flatFees);
  }

  /** A fixed amount of a token charged on top of (or instead of) the percent. */
  public record FlatFee(String token, BigDecimal amount) {}
}
