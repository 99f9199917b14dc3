/**
 * The bot's paper accounts: {@link io.aviary.bot.paper.SqlitePaperLedger} stores what the {@code *_paper_trade}
 * connectors (connectors' {@code PaperTradingConnector}) need to survive a restart, in
 * {@code data/<instance_id>_paper.db}, apart from the Hummingbot-schema bot database.
 */
package io.aviary.bot.paper;
