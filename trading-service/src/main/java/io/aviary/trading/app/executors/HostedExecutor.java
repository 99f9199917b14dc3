package io.aviary.trading.app.executors;

import io.aviary.execution.ExecutorConfigJson;
import io.aviary.strategy.executor.Executor;
import io.aviary.trading.domain.ExecutorRow;
import io.aviary.trading.domain.SessionKey;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
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
