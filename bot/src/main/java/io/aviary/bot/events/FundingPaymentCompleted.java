package io.aviary.bot.events;

import java.math.BigDecimal;

/** A funding payment on a perpetual position; {@code amount} is signed (negative = paid). */
public record FundingPaymentCompleted(
    long timestampMs, String connector, String tradingPair, BigDecimal amount, BigDecimal fundingRate)
    implements BotEvent {

  @Override
  public String eventName() {
    return "FundingPaymentCompleted";
  }
}
