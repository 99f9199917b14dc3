package io.aviary.simexchange.domain.event;

import io.aviary.simexchange.domain.model.Side;
import java.math.BigDecimal;

/** A trade on the public tape; {@code takerSide} is the side of the order that took liquidity. */
public record PublicTrade(long tradeId, String symbol, Side takerSide, BigDecimal price, BigDecimal amount,
        long timestamp) {
}
