package io.aviary.simexchange.domain.exchange;

import io.aviary.simexchange.domain.account.PerpAccount;
import io.aviary.simexchange.domain.account.PerpPosition;
import io.aviary.simexchange.domain.event.PositionSnapshot;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.model.PositionAction;
import io.aviary.simexchange.domain.model.PositionMode;
import io.aviary.simexchange.domain.model.PositionSide;
import io.aviary.simexchange.domain.model.RejectCode;
import io.aviary.simexchange.domain.model.Side;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.model.VenueRejection;
import io.aviary.simexchange.domain.perp.MarginMath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Perpetual money, isolated margin in one collateral asset. An order that opens (or grows) a
 * position reserves {@code amount × price / leverage}; a fill moves that into the position's
 * margin. Closing realises PnL into the wallet and frees margin proportionally. Fees are charged
 * on notional in the collateral asset.
 *
 * <p>HEDGE mode: OPEN/CLOSE pick the LONG or SHORT position (BUY+OPEN → LONG, SELL+CLOSE → LONG,
 * SELL+OPEN → SHORT, BUY+CLOSE → SHORT); NIL is refused. ONEWAY mode: orders net against the single
 * BOTH position; CLOSE makes an order reduce-only.
 */
public final class PerpLedger implements Ledger {

    private record PositionKey(long accountId, String symbol, PositionSide side) {
    }

    private final String collateral;
    private final FeeSchedule fees;
    private final int defaultLeverage;
    private final Map<Long, PerpAccount> accounts = new HashMap<>();
    private final Set<Long> dirtyBalances = new LinkedHashSet<>();
    private final Set<PositionKey> dirtyPositions = new LinkedHashSet<>();

    public PerpLedger(String collateral, FeeSchedule fees, int defaultLeverage) {
        this.collateral = collateral;
        this.fees = fees;
        this.defaultLeverage = defaultLeverage;
    }

    @Override
    public VenueKind kind() {
        return VenueKind.PERPETUAL;
    }

    public String collateral() {
        return collateral;
    }

    public PerpAccount open(long accountId, BigDecimal wallet) {
        PerpAccount account = new PerpAccount(accountId, wallet, defaultLeverage);
        accounts.put(accountId, account);
        return account;
    }

    public PerpAccount account(long accountId) {
        PerpAccount a = accounts.get(accountId);
        if (a == null) {
            throw new VenueRejection(RejectCode.UNKNOWN_ACCOUNT, "unknown perp account");
        }
        return a;
    }

    public Collection<PerpAccount> accounts() {
        return accounts.values();
    }

    @Override
    public boolean hasAccount(long accountId) {
        return accounts.containsKey(accountId);
    }

    // ---------------------------------------------------------------- orders

    @Override
    public void reserve(Order order, Market market, Sweep sweep) {
        PerpAccount a = account(order.accountId);
        order.leverage = a.leverage(order.symbol());
        BigDecimal opening = openingAmount(a, order);
        if (order.action == PositionAction.CLOSE) {
            a.addPendingClose(order.symbol(), closeSide(a.mode(), order.side), order.amount);
            return;
        }
        BigDecimal refPrice = order.type.isLimit() ? order.price : sweep.averagePrice();
        BigDecimal margin = MarginMath.initialMargin(opening, refPrice, order.leverage);
        if (margin.compareTo(a.available()) > 0) {
            throw new VenueRejection(RejectCode.INSUFFICIENT_BALANCE, "insufficient " + collateral + " margin: need "
                    + margin.stripTrailingZeros().toPlainString() + " at " + order.leverage + "x, available "
                    + a.available().stripTrailingZeros().toPlainString());
        }
        a.addOrderLocked(margin);
        order.locked = margin;
        dirtyBalances.add(a.id());
    }

    /** The part of the order that opens or grows exposure; refuses impossible closes. */
    private BigDecimal openingAmount(PerpAccount a, Order order) {
        if (a.mode() == PositionMode.HEDGE) {
            if (order.action == PositionAction.NIL) {
                throw new VenueRejection(RejectCode.POSITION_ACTION_REQUIRED,
                        "HEDGE mode needs positionAction OPEN or CLOSE");
            }
            if (order.action == PositionAction.CLOSE) {
                checkReducible(a, order, closeSide(PositionMode.HEDGE, order.side));
                return BigDecimal.ZERO;
            }
            return order.amount;
        }
        BigDecimal opposite = oppositeSize(a, order);
        if (order.action == PositionAction.CLOSE) {
            checkReducible(a, order, PositionSide.BOTH);
            return BigDecimal.ZERO;
        }
        return order.amount.subtract(opposite).max(BigDecimal.ZERO);
    }

    private void checkReducible(PerpAccount a, Order order, PositionSide side) {
        BigDecimal size = a.mode() == PositionMode.HEDGE ? size(a.position(order.symbol(), side)) : oppositeSize(a, order);
        BigDecimal free = size.subtract(a.pendingClose(order.symbol(), side));
        if (order.amount.compareTo(free) > 0) {
            throw new VenueRejection(RejectCode.REDUCE_ONLY_EXCEEDS_POSITION, "CLOSE " + order.amount.toPlainString()
                    + " exceeds the closable " + side + " position of " + free.stripTrailingZeros().toPlainString()
                    + " on " + order.symbol());
        }
    }

    /** ONEWAY: size of the net position an order of this side would reduce. */
    private static BigDecimal oppositeSize(PerpAccount a, Order order) {
        PerpPosition p = a.position(order.symbol(), PositionSide.BOTH);
        if (p == null || p.amount().signum() == 0 || p.amount().signum() == order.side.sign()) {
            return BigDecimal.ZERO;
        }
        return p.amount().abs();
    }

    private static BigDecimal size(PerpPosition p) {
        return p == null ? BigDecimal.ZERO : p.amount().abs();
    }

    private static PositionSide closeSide(PositionMode mode, Side side) {
        if (mode == PositionMode.ONEWAY) {
            return PositionSide.BOTH;
        }
        return side == Side.SELL ? PositionSide.LONG : PositionSide.SHORT;
    }

    @Override
    public Settlement settle(Order order, Market market, BigDecimal price, BigDecimal amount, boolean maker, long now) {
        PerpAccount a = account(order.accountId);
        BigDecimal fee = price.multiply(amount).multiply(fees.rate(maker)).setScale(MarginMath.SCALE, RoundingMode.HALF_UP);
        a.addToWallet(fee.negate());
        releaseShare(a, order, amount);
        BigDecimal realized = applyToPosition(a, order, price, amount, now);
        a.addToWallet(realized);
        dirtyBalances.add(a.id());
        return new Settlement(fee, collateral, realized);
    }

    /** Frees the part of the order's reservation that this fill used ({@code order} is still pre-fill). */
    private void releaseShare(PerpAccount a, Order order, BigDecimal amount) {
        if (order.locked.signum() == 0) {
            return;
        }
        BigDecimal remaining = order.remaining();
        BigDecimal share = amount.compareTo(remaining) >= 0 ? order.locked
                : order.locked.multiply(amount).divide(remaining, MarginMath.SCALE, RoundingMode.DOWN);
        order.locked = order.locked.subtract(share);
        a.addOrderLocked(share.negate());
    }

    private BigDecimal applyToPosition(PerpAccount a, Order order, BigDecimal price, BigDecimal amount, long now) {
        String symbol = order.symbol();
        int lev = a.leverage(symbol);
        if (order.action == PositionAction.CLOSE) {
            PositionSide side = closeSide(a.mode(), order.side);
            a.addPendingClose(symbol, side, amount.negate());
            PerpPosition p = a.position(symbol, side);
            boolean reduces = p != null && p.isOpen()
                    && (a.mode() == PositionMode.HEDGE || p.amount().signum() != order.side.sign());
            return reduces ? reduce(a, p, amount, price, now) : BigDecimal.ZERO;
        }
        if (a.mode() == PositionMode.HEDGE) {
            PerpPosition p = a.positionOrNew(symbol, order.side == Side.BUY ? PositionSide.LONG : PositionSide.SHORT);
            grow(a, p, amount, order.side, price, lev, now);
            return BigDecimal.ZERO;
        }
        PerpPosition p = a.positionOrNew(symbol, PositionSide.BOTH);
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal rest = amount;
        if (p.isOpen() && p.amount().signum() != order.side.sign()) {
            BigDecimal closing = amount.min(p.amount().abs());
            realized = reduce(a, p, closing, price, now);
            rest = amount.subtract(closing);
            p = a.positionOrNew(symbol, PositionSide.BOTH);
        }
        if (rest.signum() > 0) {
            grow(a, p, rest, order.side, price, lev, now);
        } else {
            a.dropIfClosed(symbol, PositionSide.BOTH);
        }
        return realized;
    }

    private void grow(PerpAccount a, PerpPosition p, BigDecimal amount, Side side, BigDecimal price, int lev, long now) {
        BigDecimal delta = side == Side.BUY ? amount : amount.negate();
        p.increase(delta, price, MarginMath.initialMargin(amount, price, lev), now);
        dirtyPositions.add(new PositionKey(a.id(), p.symbol(), p.side()));
    }

    private BigDecimal reduce(PerpAccount a, PerpPosition p, BigDecimal amount, BigDecimal price, long now) {
        BigDecimal pnl = p.reduce(amount, price, now);
        dirtyPositions.add(new PositionKey(a.id(), p.symbol(), p.side()));
        a.dropIfClosed(p.symbol(), p.side());
        return pnl;
    }

    @Override
    public void release(Order order) {
        PerpAccount a = account(order.accountId);
        if (order.locked.signum() != 0) {
            a.addOrderLocked(order.locked.negate());
            order.locked = BigDecimal.ZERO;
            dirtyBalances.add(a.id());
        }
        if (order.action == PositionAction.CLOSE && order.remainingLots() > 0) {
            a.addPendingClose(order.symbol(), closeSide(a.mode(), order.side), order.remaining().negate());
        }
    }

    @Override
    public void restoreOrder(Order order) {
        PerpAccount a = account(order.accountId);
        a.addOrderLocked(order.locked);
        if (order.action == PositionAction.CLOSE) {
            a.addPendingClose(order.symbol(), closeSide(a.mode(), order.side), order.remaining());
        }
    }

    // ---------------------------------------------------------------- account-level changes

    void markPosition(long accountId, String symbol, PositionSide side) {
        dirtyPositions.add(new PositionKey(accountId, symbol, side));
    }

    void markBalance(long accountId) {
        dirtyBalances.add(accountId);
    }

    @Override
    public void flush(EventBuffer out, long now) {
        for (PositionKey k : dirtyPositions) {
            PerpAccount a = accounts.get(k.accountId());
            PerpPosition p = a.position(k.symbol(), k.side());
            PositionSnapshot s = p != null ? p.snapshot(a.leverage(k.symbol()))
                    : new PositionSnapshot(k.symbol(), k.side(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                            a.leverage(k.symbol()), now);
            out.add(new VenueEvent.PositionChanged(VenueKind.PERPETUAL, k.accountId(), s));
        }
        dirtyPositions.clear();
        for (long id : dirtyBalances) {
            out.add(new VenueEvent.BalanceChanged(VenueKind.PERPETUAL, id, accounts.get(id).balance(collateral)));
        }
        dirtyBalances.clear();
    }
}
