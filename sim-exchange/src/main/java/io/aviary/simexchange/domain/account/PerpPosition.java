package io.aviary.simexchange.domain.account;

import io.aviary.simexchange.domain.event.PositionSnapshot;
import io.aviary.simexchange.domain.model.PositionSide;
import io.aviary.simexchange.domain.perp.MarginMath;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One isolated-margin perpetual position; {@code amount} is signed (negative = short). */
public final class PerpPosition {

    private final String symbol;
    private final PositionSide side;
    private BigDecimal amount = BigDecimal.ZERO;
    private BigDecimal entry = BigDecimal.ZERO;
    private BigDecimal margin = BigDecimal.ZERO;
    private long updatedAt;

    public PerpPosition(String symbol, PositionSide side) {
        this.symbol = symbol;
        this.side = side;
    }

    public static PerpPosition restore(PositionSnapshot s) {
        PerpPosition p = new PerpPosition(s.symbol(), s.side());
        p.amount = s.amount();
        p.entry = s.entryPrice();
        p.margin = s.margin();
        p.updatedAt = s.updatedAt();
        return p;
    }

    public String symbol() {
        return symbol;
    }

    public PositionSide side() {
        return side;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal entry() {
        return entry;
    }

    public BigDecimal margin() {
        return margin;
    }

    public boolean isOpen() {
        return amount.signum() != 0;
    }

    /** Grows the position by a signed {@code delta} in its own direction; entry becomes the size-weighted average. */
    public void increase(BigDecimal delta, BigDecimal price, BigDecimal addedMargin, long now) {
        BigDecimal newAmount = amount.add(delta);
        entry = amount.abs().multiply(entry).add(delta.abs().multiply(price))
                .divide(newAmount.abs(), MarginMath.SCALE, RoundingMode.HALF_EVEN);
        amount = newAmount;
        margin = margin.add(addedMargin);
        updatedAt = now;
    }

    /**
     * Shrinks the position by {@code qty} (at most its size) at {@code price}.
     *
     * @return the realised PnL
     */
    public BigDecimal reduce(BigDecimal qty, BigDecimal price, long now) {
        BigDecimal size = amount.abs();
        BigDecimal closed = qty.min(size);
        BigDecimal pnl = closed.multiply(price.subtract(entry)).multiply(BigDecimal.valueOf(amount.signum()))
                .setScale(MarginMath.SCALE, RoundingMode.HALF_EVEN);
        BigDecimal freed = closed.compareTo(size) == 0 ? margin
                : margin.multiply(closed).divide(size, MarginMath.SCALE, RoundingMode.DOWN);
        margin = margin.subtract(freed);
        amount = amount.signum() > 0 ? amount.subtract(closed) : amount.add(closed);
        if (amount.signum() == 0) {
            entry = BigDecimal.ZERO;
            margin = BigDecimal.ZERO;
        }
        updatedAt = now;
        return pnl;
    }

    /** Wipes the position (liquidation); returns the margin it held. */
    public BigDecimal wipe(long now) {
        BigDecimal lost = margin;
        amount = BigDecimal.ZERO;
        entry = BigDecimal.ZERO;
        margin = BigDecimal.ZERO;
        updatedAt = now;
        return lost;
    }

    public void setMargin(BigDecimal margin, long now) {
        this.margin = margin;
        this.updatedAt = now;
    }

    public PositionSnapshot snapshot(int leverage) {
        return new PositionSnapshot(symbol, side, amount, entry, margin, leverage, updatedAt);
    }
}
