package io.aviary.trading.app;

import io.aviary.common.events.trading.FundingPaymentRecorded;
import io.aviary.common.events.trading.OrderSubmitted;
import io.aviary.common.events.trading.OrderUpdated;
import io.aviary.common.events.trading.PositionUpdated;
import io.aviary.common.events.trading.TradeFilled;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionAction;
import io.aviary.kit.events.EventOutbox;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.FundingRepository;
import io.aviary.trading.infra.OrderRepository;
import io.aviary.trading.infra.OrderRepository.NewOrder;
import io.aviary.trading.infra.PositionRepository;
import io.aviary.trading.infra.TradeRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what venues report into the database, each change with its event in the same transaction.
 * Every method is idempotent: a fill or update seen twice (stream and reconciliation race, replays
 * after a restart) changes nothing the second time and publishes nothing.
 */
@Component
public class TradeRecorder {

    public static final String ORIGIN_API = "API";
    public static final String ORIGIN_VENUE = "VENUE";

    private final OrderRepository orders;
    private final TradeRepository trades;
    private final PositionRepository positions;
    private final FundingRepository funding;
    private final EventOutbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<OrderOutcomeListener> outcomes;

    public TradeRecorder(OrderRepository orders, TradeRepository trades, PositionRepository positions,
            FundingRepository funding, EventOutbox outbox, TransactionTemplate aviaryTransactionTemplate, Clock clock,
            List<OrderOutcomeListener> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        this.orders = orders;
        this.trades = trades;
        this.positions = positions;
        this.funding = funding;
        this.outbox = outbox;
        this.tx = aviaryTransactionTemplate;
        this.clock = clock;
    }

    /** Records an order before it is sent; false when its client id or idempotency key is taken. */
    public boolean recordSubmitted(NewOrder order) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!orders.insert(order)) {
                return false;
            }
            SessionKey s = order.session();
            outbox.append(new OrderSubmitted(s.accountName(), s.connectorName(), order.clientOrderId(),
                    order.tradingPair().toString(), order.tradeType().name(), order.orderType().name(), order.amount(),
                    order.price(), order.positionAction().name(), order.createdAt()));
            return true;
        }));
    }

    /** Applies the venue's view of an order; an order Aviary did not place is recorded as found on the venue. */
    public void recordUpdate(SessionKey session, OrderUpdate update) {
        // Most updates repeat what is stored (the stream echoes what the placement call already
        // recorded); tell that from an unlocked read, so only real changes take the row lock.
        Optional<OrderRecord> stored = orders.find(session, update.clientOrderId());
        if (stored.isPresent() && !changes(stored.get(), update)) {
            return;
        }
        apply(session, update);
    }

    /**
     * Records the venue's answer to an order just placed and returns the order as stored after it. The row was
     * recorded a moment ago, so the answer nearly always changes it: no unlocked read first, and the row comes back
     * from the update itself, so answering the caller costs no further read.
     */
    public OrderRecord recordPlacementAnswer(SessionKey session, OrderUpdate update) {
        return apply(session, update);
    }

    private OrderRecord apply(SessionKey session, OrderUpdate update) {
        return tx.execute(status -> {
            Optional<OrderRecord> locked = orders.lock(session, update.clientOrderId());
            if (locked.isEmpty()) {
                return insertFoundOnVenue(session, update);
            }
            OrderRecord order = locked.get();
            if (!changes(order, update)) {
                return order;
            }
            OrderStatus next = order.after(update.state());
            String reason = next == OrderStatus.FAILED ? update.reason() : null;
            OrderRecord updated = orders.updateState(order.id(), update.state(), next, update.exchangeOrderId(), reason,
                    at(update.updatedAt()));
            publishUpdate(order, next, update.exchangeOrderId(), reason, at(update.updatedAt()));
            return updated;
        });
    }

    /** Whether {@code update} would change the stored {@code order} (its status, or the venue's order id). */
    public static boolean changes(OrderRecord order, OrderUpdate update) {
        return order.after(update.state()) != order.status()
                || (update.exchangeOrderId() != null && !update.exchangeOrderId().equals(order.exchangeOrderId()));
    }

    /** Marks an order that never reached or no longer exists on the venue as finished, with why. */
    public void resolve(SessionKey session, String clientOrderId, OrderStatus outcome, String reason) {
        tx.executeWithoutResult(status -> orders.lock(session, clientOrderId)
                .filter(order -> order.status().isOpen())
                .ifPresent(order -> {
                    Instant now = clock.instant();
                    orders.updateState(order.id(), finalState(outcome), outcome, null, reason, now);
                    publishUpdate(order, outcome, null, reason, now);
                }));
    }

    /**
     * Counts one "no such order" answer of the venue for an open order, and once {@code confirmations}
     * such answers came in a row finishes the order as {@code outcome}, marked inferred so that a later
     * venue report of the order still overrides it.
     *
     * @return the consecutive count so far (0 when the order is no longer open)
     */
    public int recordNotFound(SessionKey session, String clientOrderId, int confirmations, OrderStatus outcome,
            String reason) {
        Integer count = tx.execute(status -> orders.lock(session, clientOrderId)
                .filter(order -> order.status().isOpen())
                .map(order -> {
                    int answers = orders.countNotFound(order.id());
                    if (answers >= confirmations) {
                        Instant now = clock.instant();
                        orders.updateInferredState(order.id(), finalState(outcome), outcome, reason, now);
                        publishUpdate(order, outcome, null, reason, now);
                    }
                    return answers;
                })
                .orElse(0));
        return count == null ? 0 : count;
    }

    /** @return true when the fill was new */
    public boolean recordFill(SessionKey session, Fill fill) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            OrderRecord order = orders.lock(session, fill.clientOrderId())
                    .orElseGet(() -> insertFromFill(session, fill));
            if (!trades.insert(session, fill)) {
                return false;
            }
            orders.refreshFillTotals(order.id());
            outbox.append(new TradeFilled(session.accountName(), session.connectorName(), fill.tradeId(),
                    fill.clientOrderId(), fill.tradingPair().toString(), fill.side().name(), fill.price(), fill.amount(),
                    fill.fee(), fill.feeAsset(), fill.maker(), fill.positionAction().name(), fill.timestamp()));
            OrderRecord filled = orders.find(session, fill.clientOrderId()).orElseThrow();
            OrderStatus next = filled.filledAmount().compareTo(filled.amount()) >= 0
                    ? filled.after(io.aviary.connectors.model.OrderState.FILLED)
                    : filled.after(io.aviary.connectors.model.OrderState.PARTIALLY_FILLED);
            if (next != filled.status()) {
                orders.updateState(filled.id(), next == OrderStatus.FILLED ? OrderState.FILLED : OrderState.PARTIALLY_FILLED, next, null,
                        null, fill.timestamp());
            }
            publishUpdate(filled, next, null, null, fill.timestamp());
            boolean completes = next == OrderStatus.FILLED;
            afterCommit(() -> outcomes.forEach(o -> o.filled(session, fill, completes)));
            return true;
        }));
    }

    /** @return true when the stored position changed in a way worth an event */
    public boolean recordPosition(SessionKey session, Position position) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Instant now = clock.instant();
            if (!positions.upsert(session, position, now)) {
                return false;
            }
            outbox.append(new PositionUpdated(session.accountName(), session.connectorName(),
                    position.tradingPair().toString(), position.side().name(), position.amount(), position.entryPrice(),
                    position.unrealizedPnl(), position.leverage(), now));
            return true;
        }));
    }

    /** A position the venue no longer reports was closed. */
    public void recordPositionClosed(SessionKey session, String tradingPair, String side) {
        tx.executeWithoutResult(status -> {
            if (positions.delete(session, tradingPair, side) > 0) {
                outbox.append(new PositionUpdated(session.accountName(), session.connectorName(), tradingPair, side,
                        BigDecimal.ZERO, null, null, 0, clock.instant()));
            }
        });
    }

    public boolean recordFunding(SessionKey session, FundingPayment payment, BigDecimal positionSize) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!funding.insert(session, payment, positionSize)) {
                return false;
            }
            outbox.append(new FundingPaymentRecorded(session.accountName(), session.connectorName(),
                    payment.tradingPair().toString(), payment.rate(), payment.amount(), payment.asset(), payment.timestamp()));
            return true;
        }));
    }

    private OrderRecord insertFoundOnVenue(SessionKey session, OrderUpdate update) {
        Instant at = at(update.updatedAt());
        OrderStatus status = OrderStatus.SUBMITTED.after(update.state());
        orders.insert(new NewOrder(session, update.clientOrderId(), update.exchangeOrderId(), update.tradingPair(),
                update.side(), update.type(), PositionAction.NIL, update.amount(), update.price(), update.state(),
                status, null, ORIGIN_VENUE, at));
        OrderRecord order = orders.find(session, update.clientOrderId()).orElseThrow();
        outbox.append(new OrderSubmitted(session.accountName(), session.connectorName(), update.clientOrderId(),
                update.tradingPair().toString(), update.side().name(), update.type().name(), update.amount(),
                update.price(), "NIL", at));
        publishUpdate(order, status, update.exchangeOrderId(), update.reason(), at);
        return order;
    }

    /** A fill of an order Aviary has no row for (placed elsewhere): a row sized by the fill until reconciliation learns more. */
    private OrderRecord insertFromFill(SessionKey session, Fill fill) {
        orders.insert(new NewOrder(session, fill.clientOrderId(), fill.exchangeOrderId(), fill.tradingPair(),
                fill.side(), OrderType.LIMIT, fill.positionAction(), fill.amount(), fill.price(), OrderState.OPEN,
                OrderStatus.OPEN, null, ORIGIN_VENUE, fill.timestamp()));
        return orders.lock(session, fill.clientOrderId()).orElseThrow();
    }

    /** {@code current} carries the executed totals as stored now (state changes leave them as they were). */
    private void publishUpdate(OrderRecord current, OrderStatus status, String exchangeOrderId, String reason, Instant at) {
        if (status == OrderStatus.CANCELLED || status == OrderStatus.FAILED) {
            SessionKey session = new SessionKey(current.accountName(), current.connectorName());
            afterCommit(() -> outcomes.forEach(o -> o.finished(session, current.clientOrderId(), status)));
        }
        outbox.append(new OrderUpdated(current.accountName(), current.connectorName(), current.clientOrderId(),
                exchangeOrderId != null ? exchangeOrderId : current.exchangeOrderId(), current.tradingPair().toString(),
                status.hummingbotState(), current.filledAmount(), current.filledQuote(), reason, at));
    }

    /** Runs {@code action} once the surrounding transaction committed (at once outside one). */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** The in-flight state of an order finished without a venue report: FAILED, or CANCELED for a cancelled one. */
    private static OrderState finalState(OrderStatus outcome) {
        return outcome == OrderStatus.FAILED ? OrderState.FAILED : OrderState.CANCELED;
    }

    private Instant at(Instant reported) {
        return reported != null ? reported : clock.instant();
    }
}
