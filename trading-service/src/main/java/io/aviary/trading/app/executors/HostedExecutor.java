package io.aviary.trading.app.executors;

import io.aviary.execution.ExecutorConfigJson;
import io.aviary.strategy.executor.Executor;
import io.aviary.strategy.executor.ExecutorCheckpoint;
import io.aviary.trading.domain.ExecutorRow;
import io.aviary.trading.domain.SessionKey;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * One executor on its host: the strategy executor, what the API knows about it (account, creation time, config as
 * stored) and what was last written and published, so updates go out only on a change and at most once per second.
 * Host thread only, except {@link #log}.
 */
final class HostedExecutor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MathContext DIGITS = new MathContext(12);

    final Executor executor;
    final SessionKey session;
    final String configJson;
    final Instant createdAt;
    final ExecutorLog log;
    private Figures published;
    private Instant publishedAt = Instant.EPOCH;
    /** What of the last stored checkpoint decides whether the next one must be stored at once; null: store it. */
    private List<Object> storedOrders;

    /** What an update event reports; a new one differs from the published one when something changed. */
    record Figures(String status, boolean trading, BigDecimal pnlQuote, BigDecimal pnlPct, BigDecimal fees,
            BigDecimal filled) {
    }

    HostedExecutor(Executor executor, SessionKey session, String configJson, Instant createdAt, ExecutorLog log) {
        this.executor = executor;
        this.session = session;
        this.configJson = configJson;
        this.createdAt = createdAt;
        this.log = log;
    }

    String id() {
        return executor.id();
    }

    Figures figures() {
        return new Figures(executor.state().name(), executor.isTrading(), decimal(executor.netPnlQuote()),
                decimal(executor.netPnlPct()), decimal(executor.cumFeesQuote()), decimal(executor.filledAmountQuote()));
    }

    /** The figures when they changed since the last publication and a second has passed, else null. */
    Figures dueUpdate(Instant now) {
        Figures now_ = figures();
        if (now_.equals(published) || now.isBefore(publishedAt.plusSeconds(1))) {
            return null;
        }
        published = now_;
        publishedAt = now;
        return now_;
    }

    /**
     * The checkpoint as JSON when it must be stored now: with a figures update ({@code withFigures}), or at once
     * when its state, retries or orders changed since the last stored one (an order was placed, a cancel requested,
     * a fill counted, an order ended), so an order placed is in the stored checkpoint one step later at most.
     * Between those, only the mark price and the executor's clock move: stored with the next figures update.
     */
    String dueCheckpoint(boolean withFigures) {
        ExecutorCheckpoint checkpoint = ExecutorCheckpoint.of(executor);
        List<Object> orders = List.of(checkpoint.state(), String.valueOf(checkpoint.closeType()), checkpoint.retries(),
                checkpoint.orders());
        if (!withFigures && orders.equals(storedOrders)) {
            return null;
        }
        storedOrders = orders;
        return JSON.writeValueAsString(checkpoint.toMap());
    }

    /** A checkpoint write failed: the next change stores it again. */
    void checkpointNotStored() {
        storedOrders = null;
    }

    ExecutorRow row() {
        Figures f = figures();
        String closeType = executor.closeType() == null ? null : executor.closeType().name();
        Instant closedAt = executor.isDone() ? Instant.ofEpochSecond(executor.closeTimestamp()) : null;
        return new ExecutorRow(id(), executor.type(), session.accountName(), session.connectorName(),
                executor.config().tradingPair(), executor.controllerId(),
                executor.side() == null ? null : executor.side().name(), f.status(), closeType, f.trading(),
                f.pnlQuote(), f.pnlPct(), f.fees(), f.filled(), configJson,
                JSON.writeValueAsString(ExecutorConfigJson.customInfo(executor)), log.errors(), log.lastError(),
                createdAt, closedAt);
    }

    static BigDecimal decimal(double value) {
        return Double.isFinite(value) ? new BigDecimal(Double.toString(value)).round(DIGITS) : BigDecimal.ZERO;
    }
}
