package io.aviary.simexchange.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.simexchange.domain.event.BalanceSnapshot;
import io.aviary.simexchange.domain.event.BookDiff;
import io.aviary.simexchange.domain.event.Fill;
import io.aviary.simexchange.domain.event.OrderSnapshot;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.model.OrderStatus;
import io.aviary.simexchange.domain.model.OrderType;
import io.aviary.simexchange.domain.model.RejectCode;
import io.aviary.simexchange.domain.model.Side;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.model.VenueRejection;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpotExchangeTest {

    static final MarketRules BTC = MarketRules.of("BTC", "USDT", "0.01", "0.001", "0.001", "100", "10");

    private long now = 1_700_000_000_000L;
    private final SpotLedger ledger = new SpotLedger(new FeeSchedule(new BigDecimal("0.001"), new BigDecimal("0.002")));
    private final Exchange exchange = new Exchange(VenueKind.SPOT, List.of(BTC), ledger, () -> now);
    private final EventBuffer out = new EventBuffer();
    private int nextId;

    private long account(String usdt, String btc) {
        long id = ++nextId;
        ledger.open(id, Map.of("USDT", new BigDecimal(usdt), "BTC", new BigDecimal(btc)));
        exchange.openAccount(id);
        return id;
    }

    private OrderSnapshot limit(long account, String cid, Side side, String amount, String price) {
        return exchange.place(account, new PlaceOrder(cid, "BTC-USDT", side, OrderType.LIMIT, new BigDecimal(amount),
                new BigDecimal(price), null), out);
    }

    private OrderSnapshot market(long account, String cid, Side side, String amount) {
        return exchange.place(account, new PlaceOrder(cid, "BTC-USDT", side, OrderType.MARKET, new BigDecimal(amount),
                null, null), out);
    }

    private BalanceSnapshot balance(long account, String asset) {
        return ledger.account(account).balance(asset);
    }

    private static void assertDecimal(BigDecimal actual, String expected) {
        assertThat(actual).isEqualByComparingTo(expected);
    }

    @Test
    void twoMakersAtOnePriceFillInArrivalOrder() {
        long first = account("0", "10");
        long second = account("0", "10");
        long taker = account("100000", "0");
        limit(first, "a", Side.SELL, "1", "100");
        now++;
        limit(second, "b", Side.SELL, "1", "100");

        limit(taker, "t", Side.BUY, "1.5", "100");

        assertThat(exchange.order(first, "a", null).status()).isEqualTo(OrderStatus.FILLED);
        OrderSnapshot b = exchange.order(second, "b", null);
        assertThat(b.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertDecimal(b.executedBase(), "0.5");
    }

    @Test
    void partialFillRestsTheRemainderAndLocksOnlyWhatIsLeft() {
        long maker = account("0", "10");
        long taker = account("1000", "0");
        limit(maker, "m", Side.SELL, "2", "100");

        OrderSnapshot t = limit(taker, "t", Side.BUY, "5", "100");

        assertThat(t.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertDecimal(t.executedBase(), "2");
        assertThat(exchange.openOrders(taker, null)).hasSize(1);
        // 5 × 100 reserved, 2 × 100 spent: 300 still locked for the resting 3
        assertDecimal(balance(taker, "USDT").locked(), "300");
        assertDecimal(balance(taker, "USDT").total(), "800");
    }

    @Test
    void marketOrderSweepsSeveralLevels() {
        long maker = account("0", "10");
        long taker = account("10000", "0");
        limit(maker, "a1", Side.SELL, "1", "100");
        limit(maker, "a2", Side.SELL, "1", "101");
        limit(maker, "a3", Side.SELL, "1", "102");

        OrderSnapshot t = market(taker, "t", Side.BUY, "2.5");

        assertThat(t.status()).isEqualTo(OrderStatus.FILLED);
        assertDecimal(t.executedQuote(), "252"); // 100 + 101 + 0.5 × 102
        assertThat(exchange.orderFills(taker, "t", null)).extracting(Fill::price)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("101"), new BigDecimal("102"));
        assertDecimal(balance(taker, "USDT").total(), "9748");
        assertDecimal(balance(taker, "USDT").locked(), "0");
    }

    @Test
    void marketOrderBeyondTheBookFillsWhatExistsAndCancelsTheRest() {
        long maker = account("0", "10");
        long taker = account("10000", "0");
        limit(maker, "a1", Side.SELL, "1", "100");

        OrderSnapshot t = market(taker, "t", Side.BUY, "3");

        assertThat(t.status()).isEqualTo(OrderStatus.CANCELED);
        assertDecimal(t.executedBase(), "1");
        assertThat(t.reason()).contains("no more liquidity");
        assertDecimal(balance(taker, "USDT").locked(), "0");
    }

    @Test
    void limitMakerThatWouldCrossIsRejectedAndOneThatRestsIsAccepted() {
        long maker = account("0", "10");
        long other = account("1000", "0");
        limit(maker, "a", Side.SELL, "1", "100");

        assertThatThrownBy(() -> exchange.place(other, new PlaceOrder("pm", "BTC-USDT", Side.BUY,
                OrderType.LIMIT_MAKER, new BigDecimal("1"), new BigDecimal("100"), null), out))
                .isInstanceOf(VenueRejection.class)
                .extracting(e -> ((VenueRejection) e).code()).isEqualTo(RejectCode.POST_ONLY_WOULD_CROSS);
        assertDecimal(balance(other, "USDT").locked(), "0");

        OrderSnapshot ok = exchange.place(other, new PlaceOrder("pm2", "BTC-USDT", Side.BUY, OrderType.LIMIT_MAKER,
                new BigDecimal("1"), new BigDecimal("99.99"), null), out);
        assertThat(ok.status()).isEqualTo(OrderStatus.OPEN);
    }

    @Test
    void cancelReleasesLockedFunds() {
        long a = account("1000", "5");
        limit(a, "buy", Side.BUY, "2", "100");
        limit(a, "sell", Side.SELL, "3", "200");
        assertDecimal(balance(a, "USDT").available(), "800");
        assertDecimal(balance(a, "BTC").available(), "2");

        exchange.cancel(a, "buy", "BTC-USDT", out);
        exchange.cancel(a, "sell", null, out);

        assertDecimal(balance(a, "USDT").available(), "1000");
        assertDecimal(balance(a, "BTC").available(), "5");
        assertThat(exchange.order(a, "buy", null).status()).isEqualTo(OrderStatus.CANCELED);
        // cancelling again answers the cancelled order
        assertThat(exchange.cancel(a, "buy", null, out).status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void makerAndTakerPayTheirOwnFeeInTheAssetTheyReceive() {
        long maker = account("0", "10");
        long taker = account("1000", "0");
        limit(maker, "m", Side.SELL, "2", "100");

        limit(taker, "t", Side.BUY, "2", "100");

        Fill makerFill = exchange.orderFills(maker, "m", null).get(0);
        Fill takerFill = exchange.orderFills(taker, "t", null).get(0);
        assertThat(makerFill.maker()).isTrue();
        assertThat(takerFill.maker()).isFalse();
        assertDecimal(makerFill.fee(), "0.2");        // 200 USDT received × 0.1 %
        assertThat(makerFill.feeAsset()).isEqualTo("USDT");
        assertDecimal(takerFill.fee(), "0.004");      // 2 BTC received × 0.2 %
        assertThat(takerFill.feeAsset()).isEqualTo("BTC");
        assertDecimal(balance(maker, "USDT").total(), "199.8");
        assertDecimal(balance(maker, "BTC").total(), "8");
        assertDecimal(balance(taker, "BTC").total(), "1.996");
        assertDecimal(balance(taker, "USDT").total(), "800");
        assertThat(makerFill.tradeId()).isEqualTo(takerFill.tradeId());
    }

    @Test
    void refusesWithClearReasons() {
        long a = account("100", "0");
        assertRejected(() -> limit(a, "x1", Side.BUY, "2", "100"), RejectCode.INSUFFICIENT_BALANCE, "insufficient USDT");
        assertRejected(() -> limit(a, "x2", Side.SELL, "1", "50"), RejectCode.INSUFFICIENT_BALANCE, "insufficient BTC");
        assertRejected(() -> limit(a, "x3", Side.BUY, "0.05", "100"), RejectCode.BELOW_MIN_NOTIONAL, "minimum notional");
        assertRejected(() -> limit(a, "x4", Side.BUY, "0.0005", "100"), RejectCode.AMOUNT_NOT_ON_STEP, "step size");
        assertRejected(() -> limit(a, "x5", Side.BUY, "0.5", "100.001"), RejectCode.PRICE_NOT_ON_TICK, "tick size");
        assertRejected(() -> limit(a, "x6", Side.BUY, "101", "1"), RejectCode.ABOVE_MAX_SIZE, "maximum");
        assertRejected(() -> market(a, "x7", Side.BUY, "1"), RejectCode.NO_LIQUIDITY, "no asks");
        assertRejected(() -> exchange.place(a, new PlaceOrder("x8", "DOGE-USDT", Side.BUY, OrderType.LIMIT,
                BigDecimal.ONE, BigDecimal.ONE, null), out), RejectCode.UNKNOWN_MARKET, "DOGE-USDT");
        assertRejected(() -> exchange.cancel(a, "nope", null, out), RejectCode.UNKNOWN_ORDER, "nope");
        assertRejected(() -> limit(a, "bad id!", Side.BUY, "0.5", "100"), RejectCode.INVALID_CLIENT_ORDER_ID, "client_order_id");
        assertThat(exchange.openOrders(a, null)).isEmpty();
        assertDecimal(balance(a, "USDT").locked(), "0");
    }

    @Test
    void belowMinSizeIsRefused() {
        MarketRules coarse = MarketRules.of("BTC", "USDT", "0.01", "0.001", "0.01", "100", "1");
        SpotLedger l = new SpotLedger(new FeeSchedule(BigDecimal.ZERO, BigDecimal.ZERO));
        Exchange ex = new Exchange(VenueKind.SPOT, List.of(coarse), l, () -> now);
        l.open(1, Map.of("USDT", new BigDecimal("1000")));
        ex.openAccount(1);
        assertRejected(() -> ex.place(1, new PlaceOrder("s", "BTC-USDT", Side.BUY, OrderType.LIMIT,
                new BigDecimal("0.005"), new BigDecimal("100"), null), out), RejectCode.BELOW_MIN_SIZE, "minimum order size");
    }

    @Test
    void resubmittingAKnownClientOrderIdReturnsTheExistingOrder() {
        long a = account("1000", "0");
        OrderSnapshot first = limit(a, "same", Side.BUY, "1", "100");
        now += 1000;
        OrderSnapshot again = limit(a, "same", Side.BUY, "1", "100");

        assertThat(again.orderId()).isEqualTo(first.orderId());
        assertThat(exchange.openOrders(a, null)).hasSize(1);
        assertDecimal(balance(a, "USDT").locked(), "100");
        // another account may use the same id
        long b = account("1000", "0");
        assertThat(limit(b, "same", Side.BUY, "1", "100").orderId()).isNotEqualTo(first.orderId());
    }

    @Test
    void bookDiffsCarryContiguousSequences() {
        long maker = account("0", "10");
        long taker = account("1000", "0");
        limit(maker, "a", Side.SELL, "1", "100");
        limit(maker, "b", Side.SELL, "1", "101");
        market(taker, "t", Side.BUY, "1.5");
        exchange.cancel(maker, "b", null, out);

        List<BookDiff> diffs = out.events().stream().filter(e -> e instanceof VenueEvent.BookChanged)
                .map(e -> ((VenueEvent.BookChanged) e).diff()).toList();
        assertThat(diffs).hasSize(4);
        for (int i = 1; i < diffs.size(); i++) {
            assertThat(diffs.get(i).firstSequence()).isEqualTo(diffs.get(i - 1).lastSequence() + 1);
        }
        BookDiff last = diffs.get(diffs.size() - 1);
        assertThat(last.asks()).hasSize(1);
        assertDecimal(last.asks().get(0).amount(), "0");
    }

    private static void assertRejected(Runnable r, RejectCode code, String message) {
        assertThatThrownBy(r::run).isInstanceOf(VenueRejection.class)
                .hasMessageContaining(message)
                .extracting(e -> ((VenueRejection) e).code()).isEqualTo(code);
    }
}
