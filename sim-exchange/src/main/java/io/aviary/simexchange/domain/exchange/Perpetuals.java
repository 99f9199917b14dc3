package io.aviary.simexchange.domain.exchange;

import io.aviary.simexchange.domain.account.PerpAccount;
import io.aviary.simexchange.domain.account.PerpPosition;
import io.aviary.simexchange.domain.event.FundingPayment;
import io.aviary.simexchange.domain.event.Liquidation;
import io.aviary.simexchange.domain.event.PositionSnapshot;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.model.PositionAction;
import io.aviary.simexchange.domain.model.PositionMode;
import io.aviary.simexchange.domain.model.PositionSide;
import io.aviary.simexchange.domain.model.RejectCode;
import io.aviary.simexchange.domain.model.Side;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.model.VenueRejection;
import io.aviary.simexchange.domain.perp.FundingRule;
import io.aviary.simexchange.domain.perp.MarginMath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The perpetual-only operations: leverage, position mode, funding settlement and liquidation.
 * Works on the perpetual {@link Exchange} and its {@link PerpLedger}; same threading rule.
 */
public final class Perpetuals {

    private final Exchange exchange;
    private final PerpLedger ledger;
    private final BigDecimal maintenanceMarginRate;
    private final int maxLeverage;
    private final FundingRule fundingRule;
    private final LongSupplier clock;

    public Perpetuals(Exchange exchange, PerpLedger ledger, BigDecimal maintenanceMarginRate, int maxLeverage,
            FundingRule fundingRule, LongSupplier clock) {
        this.exchange = exchange;
        this.ledger = ledger;
        this.maintenanceMarginRate = maintenanceMarginRate;
        this.maxLeverage = maxLeverage;
        this.fundingRule = fundingRule;
        this.clock = clock;
    }

    public Exchange exchange() {
        return exchange;
    }

    public PerpLedger ledger() {
        return ledger;
    }

    public BigDecimal maintenanceMarginRate() {
        return maintenanceMarginRate;
    }

    public int maxLeverage() {
        return maxLeverage;
    }

    public FundingRule fundingRule() {
        return fundingRule;
    }

    /**
     * Sets the leverage of one market. Open positions there are re-margined at the new leverage
     * (isolated margin): lowering leverage needs the extra margin available.
     */
    public void setLeverage(long accountId, String symbol, int leverage, EventBuffer out) {
        exchange.market(symbol);
        if (leverage < 1 || leverage > maxLeverage) {
            throw new VenueRejection(RejectCode.INVALID_LEVERAGE, "leverage must be between 1 and " + maxLeverage);
        }
        PerpAccount a = ledger.account(accountId);
        long now = clock.getAsLong();
        BigDecimal extra = BigDecimal.ZERO;
        List<PerpPosition> open = a.positions(symbol);
        for (PerpPosition p : open) {
            extra = extra.add(MarginMath.initialMargin(p.amount(), p.entry(), leverage).subtract(p.margin()));
        }
        if (extra.compareTo(a.available()) > 0) {
            throw new VenueRejection(RejectCode.INSUFFICIENT_BALANCE, "insufficient margin for " + leverage
                    + "x on " + symbol + ": need " + extra.stripTrailingZeros().toPlainString() + " more, available "
                    + a.available().stripTrailingZeros().toPlainString());
        }
        for (PerpPosition p : open) {
            p.setMargin(MarginMath.initialMargin(p.amount(), p.entry(), leverage), now);
            ledger.markPosition(accountId, symbol, p.side());
        }
        a.setLeverage(symbol, leverage);
        ledger.markBalance(accountId);
        out.add(new VenueEvent.SettingsChanged(VenueKind.PERPETUAL, accountId, a.settings()));
        exchange.finish(out);
    }

    /** Switches HEDGE/ONEWAY; refused while the account has positions or open orders, like real venues. */
    public void setPositionMode(long accountId, PositionMode mode, EventBuffer out) {
        PerpAccount a = ledger.account(accountId);
        if (a.mode() == mode) {
            return;
        }
        if (a.hasOpenPositions() || exchange.hasOpenOrders(accountId)) {
            throw new VenueRejection(RejectCode.POSITION_MODE_CHANGE_REFUSED,
                    "position mode cannot change while the account has open positions or open orders");
        }
        a.setMode(mode);
        out.add(new VenueEvent.SettingsChanged(VenueKind.PERPETUAL, accountId, a.settings()));
    }

    public List<PositionSnapshot> positions(long accountId) {
        PerpAccount a = ledger.account(accountId);
        return a.allPositions().stream().filter(PerpPosition::isOpen).map(p -> p.snapshot(a.leverage(p.symbol())))
                .toList();
    }

    public BigDecimal fundingRate(BigDecimal mark, BigDecimal index) {
        return fundingRule.rate(mark, index);
    }

    /** Pays funding on every open position of {@code symbol}: −amount × mark × rate each. */
    public void settleFunding(String symbol, BigDecimal rate, BigDecimal mark, long time, EventBuffer out) {
        for (PerpAccount a : ledger.accounts()) {
            for (PerpPosition p : a.positions(symbol)) {
                if (!p.isOpen()) {
                    continue;
                }
                BigDecimal amount = FundingRule.payment(p.amount(), mark, rate);
                a.addToWallet(amount);
                FundingPayment payment = new FundingPayment(symbol, time, rate, amount, ledger.collateral(), p.side(),
                        p.amount(), mark);
                a.recordFunding(payment);
                ledger.markBalance(a.id());
                out.add(new VenueEvent.FundingPaid(VenueKind.PERPETUAL, a.id(), payment));
            }
        }
        exchange.finish(out);
    }

    /**
     * Liquidates every position of {@code symbol} whose margin plus unrealised PnL at {@code mark}
     * is at or below the maintenance margin: closed at mark, its whole margin lost, recorded, and
     * the account's CLOSE orders for it cancelled.
     */
    public List<Liquidation> liquidate(String symbol, BigDecimal mark, EventBuffer out) {
        long now = clock.getAsLong();
        List<Liquidation> done = new ArrayList<>();
        for (PerpAccount a : new ArrayList<>(ledger.accounts())) {
            for (PerpPosition p : a.positions(symbol)) {
                if (MarginMath.shouldLiquidate(p.amount(), p.entry(), p.margin(), mark, maintenanceMarginRate)) {
                    done.add(liquidate(a, p, mark, now, out));
                }
            }
        }
        exchange.finish(out);
        return done;
    }

    private Liquidation liquidate(PerpAccount a, PerpPosition p, BigDecimal mark, long now, EventBuffer out) {
        BigDecimal amount = p.amount();
        BigDecimal entry = p.entry();
        PositionSide side = p.side();
        BigDecimal lost = p.wipe(now);
        a.addToWallet(lost.negate());
        a.dropIfClosed(p.symbol(), side);
        Liquidation liquidation = new Liquidation(p.symbol(), side, amount, entry, mark, lost, now);
        a.recordLiquidation(liquidation);
        ledger.markPosition(a.id(), p.symbol(), side);
        ledger.markBalance(a.id());
        out.add(new VenueEvent.Liquidated(VenueKind.PERPETUAL, a.id(), liquidation));
        Side closingSide = amount.signum() > 0 ? Side.SELL : Side.BUY;
        exchange.cancelWhere(a.id(), p.symbol(),
                o -> o.action() == PositionAction.CLOSE && o.side() == closingSide, "position liquidated", out);
        return liquidation;
    }
}
