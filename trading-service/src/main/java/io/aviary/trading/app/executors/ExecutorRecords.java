package io.aviary.trading.app.executors;

import io.aviary.common.events.trading.ExecutorStarted;
import io.aviary.common.events.trading.ExecutorStopped;
import io.aviary.common.events.trading.ExecutorUpdated;
import io.aviary.kit.events.EventOutbox;
import io.aviary.strategy.executor.CloseType;
import io.aviary.trading.domain.ExecutorRow;
import io.aviary.trading.domain.PositionHold;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.ExecutorRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes executors' rows, orders and position holds, each change with its event in the same transaction. */
@Component
public class ExecutorRecords {

    private final ExecutorRepository executors;
    private final EventOutbox outbox;
    private final TransactionTemplate tx;

    public ExecutorRecords(ExecutorRepository executors, EventOutbox outbox, TransactionTemplate aviaryTransactionTemplate) {
        this.executors = executors;
        this.outbox = outbox;
        this.tx = aviaryTransactionTemplate;
    }

    void started(HostedExecutor hosted, Instant now) {
        ExecutorRow row = hosted.row();
        tx.executeWithoutResult(status -> {
            executors.insert(row, now);
            executors.saveCheckpoint(row.executorId(), hosted.dueCheckpoint(true));
            outbox.append(new ExecutorStarted(row.accountName(), row.connectorName(), row.executorId(),
                    row.executorType(), row.tradingPair(), row.controllerId(), row.side(), now));
        });
    }

    /** The row's figures, its checkpoint (when one is due) and ExecutorUpdated, in one transaction. */
    void updated(HostedExecutor hosted, HostedExecutor.Figures f, String checkpointJson, Instant now) {
        ExecutorRow row = hosted.row();
        tx.executeWithoutResult(status -> {
            executors.update(row, now);
            if (checkpointJson != null) {
                executors.saveCheckpoint(row.executorId(), checkpointJson);
            }
            outbox.append(new ExecutorUpdated(row.accountName(), row.connectorName(), row.executorId(),
                    row.tradingPair(), f.status(), f.trading(), f.pnlQuote(), f.pnlPct(), f.fees(), f.filled(), now));
        });
    }

    /** Its final row, its fills added to its position hold when it ended in POSITION_HOLD, and ExecutorStopped. */
    void stopped(HostedExecutor hosted, Instant now) {
        ExecutorRow row = hosted.row();
        HeldFills held = new HeldFills();
        if (hosted.executor.closeType() == CloseType.POSITION_HOLD) {
            hosted.executor.bookHeldFills(held);
        }
        String checkpoint = hosted.dueCheckpoint(true);
        tx.executeWithoutResult(status -> {
            executors.update(row, now);
            executors.saveCheckpoint(row.executorId(), checkpoint);
            if (hosted.executor.closeType() == CloseType.POSITION_HOLD) {
                PositionHold hold = executors.activeHold(row.accountName(), row.connectorName(), row.tradingPair(),
                        row.controllerId()).orElseGet(() -> PositionHold.empty(row.accountName(),
                        row.connectorName(), row.tradingPair(), row.controllerId(), now));
                executors.saveHold(hold.plus(held.buyBase, held.buyQuote, held.sellBase, held.sellQuote,
                        row.cumFeesQuote(), row.executorId(), now));
            }
            outbox.append(new ExecutorStopped(row.accountName(), row.connectorName(), row.executorId(),
                    row.tradingPair(), row.controllerId(), row.closeType(), row.netPnlQuote(), row.netPnlPct(),
                    row.cumFeesQuote(), row.filledAmountQuote(), now));
        });
    }

    /** A resumed executor runs again: its row (status, heartbeat), its checkpoint and ExecutorUpdated. */
    void resumed(HostedExecutor hosted, Instant now) {
        HostedExecutor.Figures due = hosted.dueUpdate(now); // a new HostedExecutor: always due
        updated(hosted, due == null ? hosted.figures() : due, hosted.dueCheckpoint(true), now);
    }

    /** A checkpoint due between figures updates (an order was placed, cancelled, filled or ended). */
    void checkpoint(String executorId, String checkpointJson) {
        executors.saveCheckpoint(executorId, checkpointJson);
    }

    void order(String executorId, SessionKey session, String clientOrderId, String tradeType, String orderType,
            BigDecimal amount, BigDecimal price, Instant now) {
        executors.insertOrder(executorId, session.accountName(), session.connectorName(), clientOrderId, tradeType,
                orderType, amount, price, now);
    }

    void heartbeat(List<String> executorIds, Instant now) {
        executors.heartbeat(executorIds, now);
    }

    /** The fills an executor hands to its position hold, summed per side. */
    private static final class HeldFills implements io.aviary.strategy.executor.HeldFillSink {
        BigDecimal buyBase = BigDecimal.ZERO;
        BigDecimal buyQuote = BigDecimal.ZERO;
        BigDecimal sellBase = BigDecimal.ZERO;
        BigDecimal sellQuote = BigDecimal.ZERO;

        @Override
        public void book(int sign, double amount, double price) {
            BigDecimal base = HostedExecutor.decimal(amount);
            BigDecimal quote = HostedExecutor.decimal(amount * price);
            if (sign > 0) {
                buyBase = buyBase.add(base);
                buyQuote = buyQuote.add(quote);
            } else {
                sellBase = sellBase.add(base);
                sellQuote = sellQuote.add(quote);
            }
        }
    }
}
