package io.aviary.connectors.model;

import java.math.BigDecimal;
import java.time.Instant;

/** One execution of one of our orders; {@code tradeId} is unique per venue and pair. */
public record Fill(String tradeId, String clientOrderId, String exchangeOrderId, TradingPair tradingPair,
        TradeType side, BigDecimal price, BigDecimal amount, BigDecimal fee, String feeAsset, boolean maker,
        PositionAction positionAction, Instant timestamp) {
}
