package io.aviary.bot.events;

/**
 * What happens to the bot's orders on its venues, in the terms of Hummingbot's {@code MarketEvent}s: the bot
 * runtime emits them, the SQLite recorder stores them (Order, OrderStatus, TradeFill, FundingPayment) and the MQTT
 * bridge forwards them on {@code <prefix>/events}. One closed set so every consumer handles every kind.
 */
public sealed interface BotEvent
    permits OrderCreated, OrderFilled, OrderCancelled, OrderFailed, OrderCompleted, FundingPaymentCompleted {

  /** When it happened, epoch milliseconds. */
  long timestampMs();

  /** Hummingbot's event name ({@code BuyOrderCreated}, {@code OrderFilled}, ...), used as OrderStatus/topic type. */
  String eventName();
}
