package io.aviary.execution;

import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;

/** How a live host turns a venue's fill fee into the quote-asset fee executors account in. */
public final class Fees {
  private Fees() {}

  /** The fee in the quote asset: as charged, or converted at the fill price when charged in the base asset. */
  public static BigDecimal feeInQuote(Fill fill, TradingPair pair) {
    if (fill.fee() == null || fill.feeAsset() == null) {
      return BigDecimal.ZERO;
    }
    if (fill.feeAsset().equalsIgnoreCase(pair.quote())) {
      return fill.fee();
    }
    if (fill.feeAsset().equalsIgnoreCase(pair.base())) {
      return fill.fee().multiply(fill.price());
    }
    return BigDecimal.ZERO; // a third token (no rate oracle here): Hummingbot would convert, we report 0
  }
}
