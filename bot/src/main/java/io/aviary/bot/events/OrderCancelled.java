package io.aviary.bot.events;

/** Cancelled on request or by the venue (Hummingbot's {@code OrderCancelled}). */
public record OrderCancelled(long timestampMs, String orderId, String exchangeOrderId) implements BotEvent {

  @Override
  public String eventName() {
    return "OrderCancelled";
  }
}
