package io.aviary.common.events.trading;

import java.math.BigDecimal;
import java.time.Instant;

/** A funding payment on a perpetual position; {@code amount} is negative when the account paid. */
public record FundingPaymentRecorded(String accountName, String connectorName, String tradingPair,
        BigDecimal fundingRate, BigDecimal amount, String asset, Instant paidAt) implements TradingEvent {

    @Override
    public String aggregateKey() {
        return TradingEvent.sessionKey(accountName, connectorName) + "/" + tradingPair;
    }
}
