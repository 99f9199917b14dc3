package io.aviary.simexchange.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.simexchange.domain.account.PerpAccount;
import io.aviary.simexchange.domain.account.PerpPosition;
import io.aviary.simexchange.domain.event.FundingPayment;
import io.aviary.simexchange.domain.event.Liquidation;
import io.aviary.simexchange.domain.event.OrderSnapshot;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.model.OrderType;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PerpetualsTest {

    static final MarketRules BTC = MarketRules.of("BTC", "USDT", "0.1", "0.001", "0.001", "100", "5");
    static final BigDecimal MMR = new BigDecimal("0.005");

    private final long now = 1_700_000_000_000L;
    private final PerpLedger ledger = new PerpLedger("USDT", new FeeSchedule(BigDecimal.ZERO, BigDecimal.ZERO), 20);
    private final Exchange exchange = new Exchange(VenueKind.PERPETUAL, List.of(BTC), ledger, () -> now);
    private final Perpetuals perps = new Perpetuals(exchange, ledger, MMR, 125, FundingRule.STANDARD, () -> now);
    private final EventBuffer out = new EventBuffer();
    private long counterparty;
    private int ids;
    private int cids;

    @BeforeEach
    void liquidityProvider() {
        counterparty = account("10000000");
    }

    private long account(String wallet) {
        long id = ++ids;
        ledger.open(id, new BigDecimal(wallet));
        exchange.openAccount(id);
        return id;
    }

    private OrderSnapshot order(long account, Side side, String amount, String price, PositionAction action) {
        return exchange.place(account, new PlaceOrder("o" + (++cids), "BTC-USDT", side, OrderType.LIMIT,
                new BigDecimal(amount), new BigDecimal(price), action), out);
    }

    /** The counterparty rests the opposite side, then the account takes it. */
    private OrderSnapshot trade(long account, Side side, String amount, String price, PositionAction action) {
        order(counterparty, side.opposite(), amount, price, PositionAction.NIL);
        return order(account, side, amount, price, action);
    }

    private PerpPosition position(long account, PositionSide side) {
        return ledger.account(account).position("BTC-USDT", side);
    }

    private static void assertDecimal(BigDecimal actual, String expected) {
        assertThat(actual).isEqualByComparingTo(expected);
    }

    @Test
    void hedgeModeKeepsLongAndShortApartAndClosesRealisePnl() {
        long a = account("1000");
        perps.setPositionMode(a, PositionMode.HEDGE, out);

        trade(a, Side.BUY, "1", "100", PositionAction.OPEN);
        trade(a, Side.SELL, "0.5", "100", PositionAction.OPEN);

        assertDecimal(position(a, PositionSide.LONG).amount(), "1");
        assertDecimal(position(a, PositionSide.SHORT).amount(), "-0.5");
        assertDecimal(position(a, PositionSide.LONG).margin(), "5");      // 100 / 20

        trade(a, Side.SELL, "1", "110", PositionAction.CLOSE);

        assertThat(position(a, PositionSide.LONG)).isNull();
        assertDecimal(position(a, PositionSide.SHORT).amount(), "-0.5");
        PerpAccount acct = ledger.account(a);
        assertDecimal(acct.wallet(), "1010");                              // +10 realised
        assertDecimal(acct.available(), "1007.5");                         // short's margin 2.5 still held
    }

    @Test
    void hedgeModeRefusesNilActionAndClosingMoreThanHeld() {
        long a = account("1000");
        perps.setPositionMode(a, PositionMode.HEDGE, out);
        trade(a, Side.SELL, "0.5", "100", PositionAction.OPEN);

        assertRejected(() -> order(a, Side.BUY, "0.1", "90", PositionAction.NIL), RejectCode.POSITION_ACTION_REQUIRED);
        assertRejected(() -> order(a, Side.BUY, "0.6", "90", PositionAction.CLOSE), RejectCode.REDUCE_ONLY_EXCEEDS_POSITION);
        order(a, Side.BUY, "0.3", "90", PositionAction.CLOSE);
        // 0.3 of the 0.5 short is already being closed by a resting order
        assertRejected(() -> order(a, Side.BUY, "0.3", "90", PositionAction.CLOSE), RejectCode.REDUCE_ONLY_EXCEEDS_POSITION);
    }

    @Test
    void onewayModeNetsOppositeOrders() {
        long a = account("1000");
        trade(a, Side.BUY, "1", "100", PositionAction.OPEN);
        assertDecimal(position(a, PositionSide.BOTH).amount(), "1");

        OrderSnapshot flip = trade(a, Side.SELL, "1.5", "110", PositionAction.OPEN);

        PerpPosition p = position(a, PositionSide.BOTH);
        assertDecimal(p.amount(), "-0.5");
        assertDecimal(p.entry(), "110");
        assertDecimal(p.margin(), "2.75");                                 // 0.5 × 110 / 20
        assertDecimal(ledger.account(a).wallet(), "1010");
        assertThat(flip.status().isOpen()).isFalse();
        assertThat(exchange.orderFills(a, flip.clientOrderId(), null).get(0).realizedPnl())
                .isEqualByComparingTo("10");
    }

    @Test
    void leverageSetsTheMarginOfNewAndOpenPositions() {
        long a = account("1000");
        perps.setLeverage(a, "BTC-USDT", 10, out);
        trade(a, Side.BUY, "1", "100", PositionAction.OPEN);
        assertDecimal(position(a, PositionSide.BOTH).margin(), "10");

        perps.setLeverage(a, "BTC-USDT", 20, out);
        assertDecimal(position(a, PositionSide.BOTH).margin(), "5");
        perps.setLeverage(a, "BTC-USDT", 2, out);
        assertDecimal(position(a, PositionSide.BOTH).margin(), "50");
        assertDecimal(ledger.account(a).available(), "950");

        assertRejected(() -> perps.setLeverage(a, "BTC-USDT", 0, out), RejectCode.INVALID_LEVERAGE);
        assertRejected(() -> perps.setLeverage(a, "BTC-USDT", 126, out), RejectCode.INVALID_LEVERAGE);
        long poor = account("60");
        trade(poor, Side.BUY, "1", "100", PositionAction.OPEN);              // margin 5 at 20x
        assertRejected(() -> perps.setLeverage(poor, "BTC-USDT", 1, out), RejectCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void orderMarginDependsOnLeverageAndIsCheckedAgainstAvailable() {
        long a = account("100");
        perps.setLeverage(a, "BTC-USDT", 1, out);
        assertRejected(() -> order(a, Side.BUY, "2", "100", PositionAction.OPEN), RejectCode.INSUFFICIENT_BALANCE);
        perps.setLeverage(a, "BTC-USDT", 5, out);
        order(a, Side.BUY, "2", "100", PositionAction.OPEN);
        assertDecimal(ledger.account(a).orderLocked(), "40");
    }

    @Test
    void positionModeCannotChangeWithAnOpenPositionOrOpenOrder() {
        long a = account("1000");
        trade(a, Side.BUY, "1", "100", PositionAction.OPEN);
        assertRejected(() -> perps.setPositionMode(a, PositionMode.HEDGE, out), RejectCode.POSITION_MODE_CHANGE_REFUSED);

        trade(a, Side.SELL, "1", "100", PositionAction.OPEN);                 // flat again
        OrderSnapshot resting = order(a, Side.BUY, "1", "50", PositionAction.OPEN);
        assertRejected(() -> perps.setPositionMode(a, PositionMode.HEDGE, out), RejectCode.POSITION_MODE_CHANGE_REFUSED);

        exchange.cancel(a, resting.clientOrderId(), null, out);
        perps.setPositionMode(a, PositionMode.HEDGE, out);
        assertThat(ledger.account(a).mode()).isEqualTo(PositionMode.HEDGE);
    }

    @Test
    void longsPayWhenMarkIsAboveIndexAndShortsReceive() {
        long longer = account("1000");
        long shorter = account("1000");
        trade(longer, Side.BUY, "1", "100", PositionAction.OPEN);
        trade(shorter, Side.SELL, "2", "100", PositionAction.OPEN);

        BigDecimal rate = perps.fundingRate(new BigDecimal("100.2"), new BigDecimal("100"));
        assertThat(rate.signum()).isPositive();
        perps.settleFunding("BTC-USDT", rate, new BigDecimal("100.2"), now, out);

        FundingPayment paid = ledger.account(longer).funding().get(0);
        FundingPayment received = ledger.account(shorter).funding().get(0);
        assertThat(paid.amount().signum()).isNegative();
        assertThat(received.amount().signum()).isPositive();
        assertDecimal(paid.amount(), rate.multiply(new BigDecimal("100.2")).negate().toPlainString());
        assertDecimal(ledger.account(longer).wallet(), new BigDecimal("1000").add(paid.amount()).toPlainString());
        assertThat(out.events()).filteredOn(e -> e instanceof VenueEvent.FundingPaid).hasSize(3); // + counterparty

        assertThat(perps.fundingRate(new BigDecimal("99.5"), new BigDecimal("100")).signum()).isNegative();
        assertDecimal(perps.fundingRate(new BigDecimal("100"), new BigDecimal("100")), "0.0001");
        assertDecimal(perps.fundingRate(new BigDecimal("120"), new BigDecimal("100")), "0.0075");
    }

    @Test
    void liquidatesAtMaintenanceMarginAndLosesTheWholeMargin() {
        long a = account("1000");
        trade(a, Side.BUY, "1", "100", PositionAction.OPEN);                  // 20x: margin 5
        BigDecimal liquidationPrice = MarginMath.liquidationPrice(BigDecimal.ONE, new BigDecimal("100"),
                new BigDecimal("5"), MMR);
        assertDecimal(liquidationPrice.setScale(3, java.math.RoundingMode.HALF_UP), "95.477");

        assertThat(perps.liquidate("BTC-USDT", new BigDecimal("95.5"), out)).isEmpty();
        List<Liquidation> done = perps.liquidate("BTC-USDT", new BigDecimal("95.4"), out);

        assertThat(done).hasSize(1);
        assertDecimal(done.get(0).marginLost(), "5");
        assertThat(position(a, PositionSide.BOTH)).isNull();
        assertDecimal(ledger.account(a).wallet(), "995");
        assertThat(ledger.account(a).liquidations()).hasSize(1);
        assertThat(out.events()).anyMatch(e -> e instanceof VenueEvent.Liquidated l && l.accountId() == a);
    }

    @Test
    void shortsAreLiquidatedWhenThePriceRises() {
        long a = account("1000");
        perps.setLeverage(a, "BTC-USDT", 10, out);
        trade(a, Side.SELL, "2", "100", PositionAction.OPEN);                 // margin 20
        BigDecimal liq = MarginMath.liquidationPrice(new BigDecimal("-2"), new BigDecimal("100"), new BigDecimal("20"), MMR);
        assertThat(liq).isGreaterThan(new BigDecimal("109")).isLessThan(new BigDecimal("110"));
        assertThat(perps.liquidate("BTC-USDT", new BigDecimal("109"), out)).isEmpty();
        assertThat(perps.liquidate("BTC-USDT", new BigDecimal("110"), out)).hasSize(1);
    }

    private static void assertRejected(Runnable r, RejectCode code) {
        assertThatThrownBy(r::run).isInstanceOf(VenueRejection.class)
                .extracting(e -> ((VenueRejection) e).code()).isEqualTo(code);
    }
}
