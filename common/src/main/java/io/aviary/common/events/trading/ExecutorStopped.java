package io.aviary.common.events.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An executor terminated: {@code closeType} is Hummingbot's {@code CloseType} name ({@code TAKE_PROFIT},
 * {@code STOP_LOSS}, {@code EARLY_STOP}, {@code POSITION_HOLD}, …); the figures are final, in the quote asset.
 */
public record ExecutorStopped(String accountName, String connectorName, String executorId, String tradingPair,
        String controllerId, String closeType, BigDecimal netPnlQuote, BigDecimal netPnlPct, BigDecimal cumFeesQuote,
        BigDecimal filledAmountQuote, Instant stoppedAt) implements TradingEvent {

    @Override
    public String aggregateKey() {
        return TradingEvent.executorKey(accountName, connectorName, executorId);
    }
}
