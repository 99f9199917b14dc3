package io.aviary.trading.app;

import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.VenueException;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.trading.app.session.LiveSession;
import io.aviary.trading.app.session.SessionAccess;
import io.aviary.trading.app.session.SessionJobs;
import io.aviary.trading.domain.ClientOrderIds;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.OrderRejected;
import io.aviary.trading.domain.OrderRules;
import io.aviary.trading.domain.OrderRules.Quantized;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.domain.TradeCommand;
import io.aviary.trading.infra.OrderRepository;
import io.aviary.trading.infra.OrderRepository.NewOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Places an order so that it can never be lost or doubled: it is validated against the venue's
 * rules, recorded as SUBMITTED (with its OrderSubmitted event) before it is sent, and the venue's
 * answer is recorded after. A retry with the same client order id or Idempotency-Key returns the
 * recorded order instead of placing another; if the process dies between recording and sending,
 * reconciliation finds out whether the venue has it.
 */
@Service
public class OrderPlacement {

    private final SessionAccess sessions;
    private final TradingRulesCache rules;
    private final OrderRepository orders;
    private final TradeRecorder recorder;
    private final SessionJobs jobs;
    private final Clock clock;
    private final TradingMetrics metrics;

    public OrderPlacement(SessionAccess sessions, TradingRulesCache rules, OrderRepository orders,
            TradeRecorder recorder, SessionJobs jobs, Clock clock, TradingMetrics metrics) {
        this.metrics = metrics;
        this.sessions = sessions;
        this.rules = rules;
        this.orders = orders;
        this.recorder = recorder;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The order as stored, and whether this call placed it (false: a retry answered from the record). */
    public record Placed(OrderRecord order, boolean replayed) {
    }

    public Placed place(TradeCommand command) {
        LiveSession session = sessions.current(command.session());
        Optional<OrderRecord> earlier = earlierAttempt(command, session);
        if (earlier.isPresent()) {
            return new Placed(earlier.get(), true);
        }
        Quantized quantized;
        try {
            quantized = quantize(command, session);
        } catch (InvalidRequest e) {
            metrics.order(command.session(), TradingMetrics.OrderOutcome.REJECTED);
            throw e;
        }
        PositionAction action = session.perpetual() ? command.positionAction() : PositionAction.NIL;
        for (int attempt = 0; ; attempt++) {
            String clientOrderId = command.clientOrderId() != null ? command.clientOrderId()
                    : ClientOrderIds.generate(command.tradeType());
            if (recorder.recordSubmitted(newOrder(command, clientOrderId, quantized, action))) {
                return new Placed(send(session, new OrderRequest(clientOrderId, command.tradingPair(),
                        command.tradeType(), command.orderType(), quantized.amount(), quantized.price(), action)), false);
            }
            Optional<OrderRecord> concurrent = earlierAttempt(command, session); // a concurrent retry recorded it first
            if (concurrent.isPresent()) {
                return new Placed(concurrent.get(), true);
            }
            if (command.clientOrderId() != null || attempt == 2) {
                throw new Conflict("client_order_id '" + clientOrderId + "' is already used by another order");
            }
        }
    }

    private NewOrder newOrder(TradeCommand command, String clientOrderId, Quantized quantized, PositionAction action) {
        return new NewOrder(command.session(), clientOrderId, null, command.tradingPair(), command.tradeType(),
                command.orderType(), action, quantized.amount(), quantized.price(), OrderState.PENDING_CREATE,
                OrderStatus.SUBMITTED, command.idempotencyKey(),
                TradeRecorder.ORIGIN_API, clock.instant());
    }

    private Optional<OrderRecord> earlierAttempt(TradeCommand command, LiveSession session) {
        SessionKey key = command.session();
        if (command.idempotencyKey() != null) {
            Optional<OrderRecord> byKey = orders.findByIdempotencyKey(key, command.idempotencyKey());
            if (byKey.isPresent()) {
                requireSameRequest(byKey.get(), command, session);
                return byKey;
            }
        }
        if (command.clientOrderId() == null) {
            return Optional.empty();
        }
        Optional<OrderRecord> byId = orders.find(key, command.clientOrderId());
        byId.ifPresent(existing -> requireSameOrder(existing, command));
        return byId;
    }

    /** Reusing a client order id for a different order is a caller bug worth a clear 409, not a silent replay. */
    private static void requireSameOrder(OrderRecord existing, TradeCommand command) {
        if (!differentKind(existing, command).isEmpty()) {
            throw new Conflict("client_order_id '" + command.clientOrderId() + "' is already used by a "
                    + existing.tradeType() + " " + existing.orderType() + " order on " + existing.tradingPair());
        }
    }

    /**
     * A key reused for another order is a caller bug: replaying the first order would tell the caller
     * its second order was placed. Amount and price are stored quantized, so a differing raw value is
     * quantized the same way before it counts as different.
     */
    private void requireSameRequest(OrderRecord stored, TradeCommand command, LiveSession session) {
        PositionAction action = session.perpetual() ? command.positionAction() : PositionAction.NIL;
        List<String> different = differentKind(stored, command);
        addIf(different, stored.positionAction() != action, "position_action");
        if (different.isEmpty()) {
            boolean sameAmount = sameDecimal(stored.amount(), command.amount());
            boolean samePrice = !command.orderType().isLimitType() || sameDecimal(stored.price(), command.price());
            if (!sameAmount || !samePrice) {
                Quantized quantized = quantize(command, session);
                addIf(different, !sameDecimal(stored.amount(), quantized.amount()), "amount");
                addIf(different, !sameDecimal(stored.price(), quantized.price()), "price");
            }
        }
        if (!different.isEmpty()) {
            throw new Unprocessable("Idempotency-Key '" + capped(command.idempotencyKey())
                    + "' was used for a different order: " + String.join(", ", different) + " differ");
        }
    }

    /** Which of the fields that make an order what it is (pair, side, type) differ between the two, in wire names. */
    private static List<String> differentKind(OrderRecord stored, TradeCommand command) {
        List<String> different = new ArrayList<>();
        addIf(different, !stored.tradingPair().equals(command.tradingPair()), "trading_pair");
        addIf(different, stored.tradeType() != command.tradeType(), "trade_type");
        addIf(different, stored.orderType() != command.orderType(), "order_type");
        return different;
    }

    /** The key as echoed: long enough to recognise, never the whole of what the caller sent. */
    private static String capped(String key) {
        return key.length() <= 32 ? key : key.substring(0, 32) + "...";
    }

    private static void addIf(List<String> different, boolean differs, String field) {
        if (differs) {
            different.add(field);
        }
    }

    private static boolean sameDecimal(BigDecimal stored, BigDecimal requested) {
        return stored == null ? requested == null : requested != null && stored.compareTo(requested) == 0;
    }

    private Quantized quantize(TradeCommand command, LiveSession session) {
        String connector = command.session().connectorName();
        try {
            return OrderRules.apply(command, connector, rules.rules(connector), session.spec().orderTypes(),
                    () -> lastPrice(connector, command.tradingPair()));
        } catch (OrderRejected e) {
            throw new InvalidRequest(e.getMessage());
        }
    }

    private BigDecimal lastPrice(String connector, TradingPair pair) {
        return rules.lastPrice(connector, pair).orElseThrow(() -> new Unavailable(
                "No market price for " + pair + " on " + connector + " to check the order's notional value; try again"));
    }

    /**
     * Sends the recorded order and counts its verdict: placed, rejected (a 400 below) or failed (the 503).
     *
     * @return the order as stored with the venue's answer
     */
    private OrderRecord send(LiveSession session, OrderRequest request) {
        try {
            OrderRecord placed = sendRecorded(session, request);
            metrics.order(session.key(), TradingMetrics.OrderOutcome.PLACED);
            return placed;
        } catch (InvalidRequest e) {
            metrics.order(session.key(), TradingMetrics.OrderOutcome.REJECTED);
            throw e;
        } catch (Unavailable e) {
            metrics.order(session.key(), TradingMetrics.OrderOutcome.FAILED);
            throw e;
        }
    }

    private OrderRecord sendRecorded(LiveSession session, OrderRequest request) {
        SessionKey key = session.key();
        try {
            OrderUpdate accepted = session.trading().placeOrder(request);
            OrderRecord recorded = recorder.recordPlacementAnswer(key, accepted);
            jobs.balancesChanged(key); // a resting order locks funds, a filled one moves them
            if (accepted.state() == OrderState.FAILED) {
                throw new InvalidRequest("The venue rejected order " + request.clientOrderId() + ": " + accepted.reason());
            }
            return recorded;
        } catch (VenueException.Rejected e) {
            recorder.resolve(key, request.clientOrderId(), OrderStatus.FAILED, e.getMessage());
            throw new InvalidRequest("The venue rejected order " + request.clientOrderId() + ": " + e.getMessage());
        } catch (VenueException.Unsupported | VenueException.NotFound e) {
            recorder.resolve(key, request.clientOrderId(), OrderStatus.FAILED, e.getMessage());
            throw new InvalidRequest("Order " + request.clientOrderId() + " cannot be placed: " + e.getMessage());
        } catch (VenueException.AuthenticationFailed e) {
            recorder.resolve(key, request.clientOrderId(), OrderStatus.FAILED, e.getMessage());
            throw new InvalidRequest("The venue refused the credentials of " + key + ": " + e.getMessage());
        } catch (VenueException e) {
            // Unavailable, rate-limited, unexpected answer: the venue may or may not have the order.
            jobs.reconcileSoon(key);
            throw new Unavailable("Order " + request.clientOrderId() + " was recorded but the venue did not "
                    + "confirm it (" + e.getMessage() + "). Reconciliation will settle its state; retrying with the same "
                    + "client_order_id is safe.");
        }
    }

}
