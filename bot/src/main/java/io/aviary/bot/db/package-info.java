/**
 * The bot database in Hummingbot's SQLite schema ({@code data/<config name>.sqlite}), so tools that read Hummingbot
 * bot databases (the Hummingbot API's archived-bots endpoints, Aviary's archive-service, plain SQL) read ours
 * unchanged. {@link io.aviary.bot.db.BotDatabase} is the entry point: a {@link io.aviary.bot.events.BotEventListener}
 * for the order events, plus Controllers/Executors/Position writes and the reads the bot needs (history trades,
 * executors and positions at restart).
 *
 * <p>Where it differs from Hummingbot on purpose: repeated order-created/fill events are ignored rather than failing
 * their transaction; status rows take the event's timestamp instead of the time of writing; a Position update also
 * stores {@code realized_pnl_quote} (Hummingbot's keeps the first value); MarketState rows are not written (they hold
 * Hummingbot's connector-internal tracking state, which no reader uses).
 */
package io.aviary.bot.db;
