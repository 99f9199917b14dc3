package io.aviary.connectors.model;

import java.math.BigDecimal;
import java.time.Instant;

/** A trade printed on the venue's public tape. */
public record PublicTrade(TradingPair tradingPair, String tradeId, Instant timestamp, TradeType takerSide,
        BigDecimal price, BigDecimal amount) {
}
