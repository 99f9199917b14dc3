package io.aviary.simexchange.domain.exchange;

import io.aviary.simexchange.domain.event.OrderSnapshot;
import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.model.OrderStatus;
import io.aviary.simexchange.domain.model.OrderType;
import io.aviary.simexchange.domain.model.PositionAction;
import io.aviary.simexchange.domain.model.Side;
import java.math.BigDecimal;

/** An account's order inside the venue. Mutable; changed only under the venue lock. */
public final class Order {

    final long id;
    final String clientOrderId;
    final long accountId;
    final MarketRules rules;
    final Side side;
    final OrderType type;
    final BigDecimal price;
    final long priceTicks;
    final BigDecimal amount;
    final long lots;
    final PositionAction action;
    final long createdAt;
    long filledLots;
    BigDecimal executedQuote = BigDecimal.ZERO;
    BigDecimal feePaid = BigDecimal.ZERO;
    String feeAsset;
    /** Funds this order still reserves (see {@link OrderSnapshot#locked()}). */
    BigDecimal locked = BigDecimal.ZERO;
    int leverage;
    OrderStatus status = OrderStatus.OPEN;
    long updatedAt;
    String reason;

    Order(long id, String clientOrderId, long accountId, MarketRules rules, Side side, OrderType type, BigDecimal price,
            long priceTicks, BigDecimal amount, long lots, PositionAction action, long createdAt) {
        this.id = id;
        this.clientOrderId = clientOrderId;
        this.accountId = accountId;
        this.rules = rules;
        this.side = side;
        this.type = type;
        this.price = price;
        this.priceTicks = priceTicks;
        this.amount = amount;
        this.lots = lots;
        this.action = action;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    static Order restore(OrderSnapshot s, MarketRules rules) {
        long ticks = s.price() == null ? 0 : rules.toTicks(s.price());
        Order o = new Order(s.orderId(), s.clientOrderId(), s.accountId(), rules, s.side(), s.type(), s.price(), ticks,
                s.amount(), rules.toLots(s.amount()), s.positionAction(), s.createdAt());
        o.filledLots = s.executedBase().signum() == 0 ? 0 : rules.toLots(s.executedBase());
        o.executedQuote = s.executedQuote();
        o.feePaid = s.feePaid();
        o.feeAsset = s.feeAsset();
        o.locked = s.locked();
        o.leverage = s.leverage();
        o.status = s.status();
        o.updatedAt = s.updatedAt();
        o.reason = s.reason();
        return o;
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String symbol() {
        return rules.symbol();
    }

    public Side side() {
        return side;
    }

    public OrderType type() {
        return type;
    }

    public PositionAction action() {
        return action;
    }

    public BigDecimal price() {
        return price;
    }

    public BigDecimal amount() {
        return amount;
    }

    public long remainingLots() {
        return lots - filledLots;
    }

    public BigDecimal remaining() {
        return rules.amount(remainingLots());
    }

    public BigDecimal locked() {
        return locked;
    }

    public int leverage() {
        return leverage;
    }

    public OrderStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    void applyFill(long fillLots, BigDecimal quote, BigDecimal fee, String asset, long now) {
        filledLots += fillLots;
        executedQuote = executedQuote.add(quote);
        feePaid = feePaid.add(fee);
        feeAsset = asset;
        status = filledLots == lots ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        updatedAt = now;
    }

    void cancel(String why, long now) {
        status = OrderStatus.CANCELED;
        reason = why;
        updatedAt = now;
    }

    public OrderSnapshot snapshot() {
        return new OrderSnapshot(id, clientOrderId, accountId, rules.symbol(), side, type, price, amount, action, status,
                rules.amount(filledLots), executedQuote, feePaid, feeAsset, locked, leverage, createdAt, updatedAt,
                reason);
    }
}
