package io.aviary.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.FundingRate;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderBookDiff;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.PositionSide;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.OrderBookListener;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sim and sim_perpetual connectors through the port, against the venue running as its own
 * process. SOL-USDT (spot) and ETH-USDT (perp) are quiet markets — only the test's accounts trade
 * there; BTC-USDT has the simulated market makers and takers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimConnectorTest {

    static final TradingPair SOL = TradingPair.parse("SOL-USDT");
    static final TradingPair BTC = TradingPair.parse("BTC-USDT");
    static final TradingPair ETH = TradingPair.parse("ETH-USDT");
    static final Duration WAIT = Duration.ofSeconds(10);

    private SimVenueProcess venue;
    private SimConnectorFactory spot;
    private SimConnectorFactory perp;
    private final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    void startVenue() {
        venue = SimVenueProcess.start(Map.of(
                "SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT,perp:ETH-USDT",
                "SIM_EXCHANGE_FUNDING_INTERVAL", "2s",
                "SIM_EXCHANGE_SIMULATION_TICK", "100ms"));
        spot = SimConnectorFactory.spot(venue.url());
        perp = SimConnectorFactory.perpetual(venue.url());
    }

    @AfterAll
    void stopVenue() {
        if (venue != null) {
            venue.close();
        }
    }

    private TradingConnector account(SimConnectorFactory factory) {
        return factory.trading(SimApiKeys.create(venue.url(), "test").credentials(factory.spec().name()));
    }

    private String cid() {
        return "t-" + ids.incrementAndGet();
    }

    private static OrderRequest limit(String cid, TradingPair pair, TradeType side, String amount, String price,
            PositionAction action) {
        return new OrderRequest(cid, pair, side, OrderType.LIMIT, new BigDecimal(amount), new BigDecimal(price), action);
    }

    private static OrderRequest market(String cid, TradingPair pair, TradeType side, String amount,
            PositionAction action) {
        return new OrderRequest(cid, pair, side, OrderType.MARKET, new BigDecimal(amount), null, action);
    }

    private static BigDecimal available(TradingConnector c, String asset) {
        return c.balances().stream().filter(b -> b.asset().equals(asset)).map(Balance::available).findFirst()
                .orElseThrow();
    }

    /**
     * One order sweeping twelve resting orders makes twelve fills stamped in the same millisecond:
     * read five at a time, the history must still come back whole (a time cursor stalls on such a page).
     */
    @Test
    void tradesPagesThroughFillsOfOneMillisecond() {
        SimConnectorFactory smallPages = SimConnectorFactory.both(venue.url(), 5).get(0);
        try (TradingConnector maker = account(spot); TradingConnector taker = account(smallPages)) {
            for (int i = 0; i < 12; i++) {
                maker.placeOrder(limit(cid(), SOL, TradeType.SELL, "0.1", "150", null));
            }
            String sweep = cid();
            taker.placeOrder(limit(sweep, SOL, TradeType.BUY, "1.2", "150", null));
            List<Fill> onVenue = taker.orderFills(SOL, sweep);
            assertThat(onVenue).hasSizeGreaterThan(5);

            List<Fill> history = taker.trades(SOL, Instant.now().minusSeconds(60));

            assertThat(history).filteredOn(f -> f.clientOrderId().equals(sweep)).extracting(Fill::tradeId)
                    .containsExactlyInAnyOrderElementsOf(onVenue.stream().map(Fill::tradeId).toList());
        }
    }

    @Test
    void aRestingOrderIsPartiallyFilledThenFilledAndTheUserStreamSeesIt() {
        try (TradingConnector alice = account(spot); TradingConnector bob = account(spot)) {
            Recorder stream = new Recorder();
            Subscription sub = alice.subscribeUserStream(stream);
            String buy = cid();

            OrderUpdate resting = alice.placeOrder(limit(buy, SOL, TradeType.BUY, "10", "20", null));
            assertThat(resting.state()).isEqualTo(OrderState.OPEN);
            assertThat(alice.openOrders(Optional.of(SOL))).extracting(OrderUpdate::clientOrderId).contains(buy);
            assertThat(available(alice, "USDT")).isEqualByComparingTo("9800");

            OrderUpdate bobSell = bob.placeOrder(limit(cid(), SOL, TradeType.SELL, "4", "20", null));
            assertThat(bobSell.state()).isEqualTo(OrderState.FILLED);
            OrderUpdate partial = alice.orderStatus(SOL, buy);
            assertThat(partial.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(partial.executedBase()).isEqualByComparingTo("4");

            bob.placeOrder(market(cid(), SOL, TradeType.SELL, "6", null));
            assertThat(alice.orderStatus(SOL, buy).state()).isEqualTo(OrderState.FILLED);

            List<Fill> fills = alice.orderFills(SOL, buy);
            assertThat(fills).hasSize(2).allMatch(Fill::maker);
            assertThat(fills).extracting(Fill::amount).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("4"), new BigDecimal("6"));
            assertThat(fills.get(0).fee()).isEqualByComparingTo("0.0008");  // 0.02 % of 4 SOL received
            assertThat(fills.get(0).feeAsset()).isEqualTo("SOL");

            Recorder.await(stream.fills, f -> f.clientOrderId().equals(buy) && f.amount().compareTo(new BigDecimal("6")) == 0, WAIT);
            Recorder.await(stream.orders, o -> o.clientOrderId().equals(buy) && o.state() == OrderState.FILLED, WAIT);
            Recorder.await(stream.balances, b -> b.asset().equals("SOL"), WAIT);
            assertThat(alice.trades(SOL, Instant.now().minusSeconds(60)))
                    .filteredOn(f -> f.clientOrderId().equals(buy)).hasSize(2);
            sub.close();
        }
    }

    @Test
    void cancelReleasesFundsAndPlacingTwiceIsIdempotent() {
        try (TradingConnector alice = account(spot)) {
            String id = cid();
            OrderUpdate first = alice.placeOrder(limit(id, SOL, TradeType.BUY, "1", "10", null));
            OrderUpdate again = alice.placeOrder(limit(id, SOL, TradeType.BUY, "1", "10", null));
            assertThat(again.exchangeOrderId()).isEqualTo(first.exchangeOrderId());
            assertThat(alice.openOrders(Optional.empty())).hasSize(1);
            assertThat(available(alice, "USDT")).isEqualByComparingTo("9990");

            OrderUpdate cancelled = alice.cancelOrder(SOL, id);

            assertThat(cancelled.state()).isEqualTo(OrderState.CANCELED);
            assertThat(available(alice, "USDT")).isEqualByComparingTo("10000");
            assertThat(alice.openOrders(Optional.of(SOL))).isEmpty();
        }
    }

    @Test
    void marketOrdersTradeAgainstTheSimulatedLiquidity() {
        try (TradingConnector alice = account(spot)) {
            OrderUpdate bought = alice.placeOrder(market(cid(), BTC, TradeType.BUY, "0.001", null));
            assertThat(bought.state()).isEqualTo(OrderState.FILLED);
            assertThat(bought.executedQuote()).isPositive();
            OrderUpdate sold = alice.placeOrder(market(cid(), BTC, TradeType.SELL, "0.0005", null));
            assertThat(sold.state()).isEqualTo(OrderState.FILLED);
            assertThat(alice.orderFills(BTC, sold.clientOrderId())).allMatch(f -> !f.maker());
        }
    }

    @Test
    void venueErrorsBecomeThePortsExceptionKinds() {
        try (TradingConnector alice = account(spot)) {
            assertThatThrownBy(() -> alice.placeOrder(limit(cid(), SOL, TradeType.BUY, "1000", "100", null)))
                    .isInstanceOf(VenueException.Rejected.class).hasMessageContaining("INSUFFICIENT_BALANCE");
            assertThatThrownBy(() -> alice.placeOrder(limit(cid(), SOL, TradeType.BUY, "0.01", "10", null)))
                    .isInstanceOf(VenueException.Rejected.class).hasMessageContaining("BELOW_MIN_NOTIONAL");
            assertThatThrownBy(() -> alice.placeOrder(limit(cid(), TradingPair.parse("DOGE-USDT"), TradeType.BUY, "1", "1", null)))
                    .isInstanceOf(VenueException.NotFound.class);
            assertThatThrownBy(() -> alice.orderStatus(SOL, "never-placed")).isInstanceOf(VenueException.NotFound.class);
            assertThatThrownBy(alice::positions).isInstanceOf(VenueException.Unsupported.class);
            assertThatThrownBy(() -> alice.setLeverage(SOL, 5)).isInstanceOf(VenueException.Unsupported.class);
            assertThatThrownBy(() -> spot.marketData().fundingInfo(BTC)).isInstanceOf(VenueException.Unsupported.class);
        }
    }

    @Test
    void aWrongSecretIsAnAuthenticationFailure() {
        SimApiKeys.Created key = SimApiKeys.create(venue.url(), "wrong-secret");
        try (TradingConnector forged = spot.trading(Map.of("sim_api_key", key.apiKey(), "sim_api_secret", "0".repeat(64)))) {
            assertThatThrownBy(forged::verifyCredentials).isInstanceOf(VenueException.AuthenticationFailed.class)
                    .hasMessageContaining("INVALID_SIGNATURE");
            assertThatThrownBy(() -> forged.placeOrder(limit(cid(), SOL, TradeType.BUY, "1", "10", null)))
                    .isInstanceOf(VenueException.AuthenticationFailed.class);
            assertThatThrownBy(() -> forged.subscribeUserStream(new Recorder()))
                    .isInstanceOf(VenueException.AuthenticationFailed.class);
        }
        assertThatThrownBy(() -> spot.trading(Map.of("sim_api_key", "k")))
                .isInstanceOf(VenueException.AuthenticationFailed.class);
    }

    @Test
    void theOrderBookStreamsASnapshotThenContiguousDiffsAndResyncsAfterAGap() {
        MarketDataConnector md = spot.marketData();
        assertThat(md.tradingRules()).containsKeys(BTC, SOL);
        assertThat(md.tradingRules().get(BTC).minPriceIncrement()).isEqualByComparingTo("0.01");
        OrderBookSnapshot rest = md.orderBook(BTC, 20);
        assertThat(rest.bids()).hasSize(20);
        assertThat(rest.asks()).hasSize(20);
        assertThat(md.lastPrices(List.of(BTC, TradingPair.parse("XRP-USDT")))).containsOnlyKeys(BTC);

        BookRecorder book = new BookRecorder();
        Subscription sub = md.subscribeOrderBook(BTC, book);
        Recorder.await(book.diffs, d -> book.diffs.size() >= 3, WAIT);
        assertThat(book.snapshots).hasSize(1);
        assertThat(book.contiguous()).isTrue();

        ((SimMarketData) md).dropNextDiff(BTC);
        Recorder.await(book.snapshots, s -> book.snapshots.size() >= 2, WAIT);
        int after = book.diffs.size();
        Recorder.await(book.diffs, d -> book.diffs.size() >= after + 3, WAIT);
        assertThat(book.contiguous()).isTrue();
        sub.close();
        assertThatThrownBy(() -> md.subscribeOrderBook(TradingPair.parse("XRP-USDT"), book))
                .isInstanceOf(VenueException.NotFound.class);
    }

    @Test
    void publicTradesArePushed() {
        List<PublicTrade> trades = new CopyOnWriteArrayList<>();
        Subscription sub = spot.marketData().subscribeTrades(BTC, trades::add);
        PublicTrade t = Recorder.await(trades, x -> true, Duration.ofSeconds(20));
        assertThat(t.tradingPair()).isEqualTo(BTC);
        assertThat(t.price()).isPositive();
        sub.close();
    }

    @Test
    void candlesArePagedAndIntervalsAgree() {
        MarketDataConnector md = spot.marketData();
        Instant start = Instant.parse("2025-06-01T00:00:00Z");
        List<Candle> minutes = md.candles(BTC, CandleInterval.M1, start, start.plus(3, ChronoUnit.DAYS), 2500);
        assertThat(minutes).hasSize(2500);
        for (int i = 1; i < minutes.size(); i++) {
            assertThat(minutes.get(i).openTime()).isEqualTo(minutes.get(i - 1).openTime().plusSeconds(60));
        }
        List<Candle> hours = md.candles(BTC, CandleInterval.H1, start, start.plus(1, ChronoUnit.DAYS), 24);
        Candle firstHour = hours.get(0);
        List<Candle> itsMinutes = minutes.subList(0, 60);
        assertThat(firstHour.open()).isEqualByComparingTo(itsMinutes.get(0).open());
        assertThat(firstHour.close()).isEqualByComparingTo(itsMinutes.get(59).close());
        assertThat(firstHour.high()).isEqualByComparingTo(itsMinutes.stream().map(Candle::high).max(BigDecimal::compareTo).orElseThrow());
        assertThat(firstHour.low()).isEqualByComparingTo(itsMinutes.stream().map(Candle::low).min(BigDecimal::compareTo).orElseThrow());
        assertThat(firstHour.volume()).isEqualByComparingTo(itsMinutes.stream().map(Candle::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(md.candleIntervals()).contains(CandleInterval.S1, CandleInterval.MO1);
    }

    @Test
    void fundingRateHistoryIsPagedAndTheSameOnEveryRead() {
        MarketDataConnector md = perp.marketData();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        // this venue funds every 2 s (SIM_EXCHANGE_FUNDING_INTERVAL above): 3000 s = 1500 events, two pages of 1000
        List<FundingRate> rates = md.fundingRates(BTC, start, start.plusSeconds(3000), 5000);
        assertThat(rates).hasSize(1500);
        for (int i = 0; i < rates.size(); i++) {
            assertThat(rates.get(i).fundingTime()).isEqualTo(start.plusSeconds(2L * i));
            assertThat(rates.get(i).rate().abs()).isLessThanOrEqualTo(new BigDecimal("0.0075"));
            assertThat(rates.get(i).markPrice()).isPositive();
        }
        assertThat(md.fundingRates(BTC, start, start.plusSeconds(3000), 5000)).isEqualTo(rates);
        assertThat(md.fundingRates(BTC, start, start.plusSeconds(3000), 7)).isEqualTo(rates.subList(0, 7));
        assertThatThrownBy(() -> spot.marketData().fundingRates(BTC, start, start.plus(1, ChronoUnit.DAYS), 10))
                .isInstanceOf(VenueException.Unsupported.class).hasMessageContaining("sim");
    }

    @Test
    void perpetualPositionsLeverageModesAndFunding() {
        try (TradingConnector alice = account(perp); TradingConnector bob = account(perp)) {
            Recorder stream = new Recorder();
            Subscription sub = alice.subscribeUserStream(stream);
            assertThat(alice.positionMode()).isEqualTo(PositionMode.ONEWAY);
            alice.setPositionMode(PositionMode.HEDGE);
            assertThat(alice.positionMode()).isEqualTo(PositionMode.HEDGE);
            alice.setLeverage(ETH, 10);

            FundingInfo info = perp.marketData().fundingInfo(ETH);
            assertThat(info.markPrice()).isPositive();
            assertThat(info.indexPrice()).isPositive();
            assertThat(info.nextFundingTime()).isAfter(Instant.now().minusSeconds(1));
            String price = info.markPrice().setScale(0, RoundingMode.DOWN).toPlainString();

            bob.placeOrder(limit(cid(), ETH, TradeType.SELL, "1", price, PositionAction.OPEN));
            String open = cid();
            assertThat(alice.placeOrder(limit(open, ETH, TradeType.BUY, "1", price, PositionAction.OPEN)).state())
                    .isEqualTo(OrderState.FILLED);

            Position position = alice.positions().stream().filter(p -> p.tradingPair().equals(ETH)).findFirst().orElseThrow();
            assertThat(position.side()).isEqualTo(PositionSide.LONG);
            assertThat(position.amount()).isEqualByComparingTo("1");
            assertThat(position.leverage()).isEqualTo(10);
            assertThat(position.entryPrice()).isEqualByComparingTo(price);
            assertThat(position.liquidationPrice()).isLessThan(position.entryPrice());
            Recorder.await(stream.positions, p -> p.tradingPair().equals(ETH) && p.side() == PositionSide.LONG, WAIT);
            // bob nets in ONEWAY: his short shows as SHORT with a positive amount
            assertThat(bob.positions()).singleElement().satisfies(p -> {
                assertThat(p.side()).isEqualTo(PositionSide.SHORT);
                assertThat(p.amount()).isEqualByComparingTo("1");
            });
            assertThatThrownBy(() -> alice.setPositionMode(PositionMode.ONEWAY))
                    .isInstanceOf(VenueException.Rejected.class).hasMessageContaining("POSITION_MODE_CHANGE_REFUSED");

            FundingPayment paid = Recorder.await(stream.funding, f -> f.tradingPair().equals(ETH), Duration.ofSeconds(15));
            if (paid.rate().signum() != 0) {
                assertThat(paid.amount().signum()).isEqualTo(-paid.rate().signum()); // a long pays a positive rate
            }
            assertThat(paid.side()).isEqualTo(PositionSide.LONG);
            assertThat(alice.fundingPayments(ETH, Instant.now().minusSeconds(60))).isNotEmpty();

            bob.placeOrder(limit(cid(), ETH, TradeType.BUY, "1", price, PositionAction.OPEN));
            assertThat(alice.placeOrder(limit(cid(), ETH, TradeType.SELL, "1", price, PositionAction.CLOSE)).state())
                    .isEqualTo(OrderState.FILLED);
            assertThat(alice.positions()).noneMatch(p -> p.tradingPair().equals(ETH));
            assertThatThrownBy(() -> alice.placeOrder(limit(cid(), ETH, TradeType.SELL, "1", price, PositionAction.CLOSE)))
                    .isInstanceOf(VenueException.Rejected.class).hasMessageContaining("REDUCE_ONLY");
            sub.close();
        }
    }

    /** Records a book stream and checks it the way a consumer would apply it. */
    static final class BookRecorder implements OrderBookListener {
        final List<OrderBookSnapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<OrderBookDiff> diffs = new CopyOnWriteArrayList<>();
        final List<Object> stream = new CopyOnWriteArrayList<>();

        @Override
        public void onSnapshot(OrderBookSnapshot snapshot) {
            snapshots.add(snapshot);
            stream.add(snapshot);
        }

        @Override
        public void onDiff(OrderBookDiff diff) {
            diffs.add(diff);
            stream.add(diff);
        }

        boolean contiguous() {
            long last = -1;
            for (Object o : stream) {
                if (o instanceof OrderBookSnapshot s) {
                    last = s.sequence();
                } else if (o instanceof OrderBookDiff d) {
                    if (d.firstSequence() != last + 1) {
                        return false;
                    }
                    last = d.lastSequence();
                }
            }
            return true;
        }
    }
}
