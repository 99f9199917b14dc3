package io.aviary.bot.events;

/** Receives the runtime's {@link BotEvent}s in the order they happened (one thread per listener). */
@FunctionalInterface
public interface BotEventListener {

  void onEvent(BotEvent event);
}
