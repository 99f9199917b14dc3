package io.aviary.bot.events;

import io.aviary.connectors.model.OrderType;

/**
 * Rejected or lost (Hummingbot's {@code OrderFailure}); {@code errorMessage} is bounded by the emitter and never
 * carries credentials.
 */
public record OrderFailed(long timestampMs, String orderId, OrderType orderType, String errorMessage, String errorType)
    implements BotEvent {

  @Override
  public String eventName() {
    return "OrderFailure";
  }
}
