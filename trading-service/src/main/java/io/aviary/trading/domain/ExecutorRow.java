package io.aviary.trading.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An executor as stored: identity, state, its latest figures (quote asset) and its config and custom info as JSON
 * text. {@code status} is strategy's state name, or {@link #AWAITING_RESUME} for an executor whose host stopped
 * while it ran.
 */
public record ExecutorRow(String executorId, String executorType, String accountName, String connectorName,
        String tradingPair, String controllerId, String side, String status, String closeType, boolean trading,
        BigDecimal netPnlQuote, BigDecimal netPnlPct, BigDecimal cumFeesQuote, BigDecimal filledAmountQuote,
        String configJson, String customInfoJson, int errorCount, String lastError, Instant createdAt,
        Instant closedAt) {

    /**
     * The host that ran it stopped (restart, crash) before it terminated: nothing steps it now, its orders and
     * position on the venue are as it left them, and resuming it is the executors' checkpoint support's job.
     */
    public static final String AWAITING_RESUME = "AWAITING_RESUME";

    public boolean active() {
        return "NOT_STARTED".equals(status) || "RUNNING".equals(status) || "SHUTTING_DOWN".equals(status);
    }

    /** Keyset cursor of the search order (newest first): creation time in microseconds (as stored) and id. */
    public String cursor() {
        return (createdAt.getEpochSecond() * 1_000_000 + createdAt.getNano() / 1000) + ":" + executorId;
    }
}
