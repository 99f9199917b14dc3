package io.aviary.connectors.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.sim.SimVenueProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code sim_paper_trade} against the simulated exchange running as its own process (its moving
 * market is the "live book"), with the ledger in a real PostgreSQL.
 */
class PaperTradingTest {

    private static final TradingPair BTC = TradingPair.parse("BTC-USDT");
    private static final PaperSettings FAST = new PaperSettings(new BigDecimal("0.001"), new BigDecimal("0.002"),
            PaperSettings.defaults().startingBalances(), Duration.ofMillis(200));

    private static SimVenueProcess venue;
    private static EmbeddedPostgres postgres;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        // SOL-USDT without simulated flow: its book holds only what a test's maker account puts there
        venue = SimVenueProcess.start(Map.of("SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT"));
        postgres = EmbeddedPostgres.builder().start();
        venue.awaitQuotes();
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        try (Connection db = dataSource.getConnection(); var sql = db.createStatement()) {
            sql.execute(new String(PaperTradingTest.class.getResourceAsStream("/db/paper/V0_5__paper_trading_ledger.sql")
                    .readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        venue.close();
        postgres.close();
    }

    private static PaperConnectorFactory factory() {
        ConnectorFactory sim = SimConnectorFactory.spot(venue.url());
        return new PaperConnectorFactory(sim, Optional.of(new JdbcPaperLedger(dataSource)), FAST);
    }

    @Test
    void aMarketOrderFillsAtTheLiveBookAndMovesBalancesByPriceTimesAmountPlusFee() {
        try (TradingConnector paper = factory().trading("desk_market", Map.of())) {
            Map<String, BigDecimal> before = totals(paper.balances());
            OrderBookSnapshot book = factory().marketData().orderBook(BTC, 100);
            OrderUpdate done = paper.placeOrder(order("m1", TradeType.BUY, OrderType.MARKET, "0.01", null));

            assertThat(done.state()).isEqualTo(OrderState.FILLED);
            assertThat(done.executedBase()).isEqualByComparingTo("0.01");
            List<Fill> fills = paper.orderFills(BTC, "m1");
            BigDecimal quote = fills.stream().map(f -> f.price().multiply(f.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal fees = fills.stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(fees).isEqualByComparingTo(quote.multiply(new BigDecimal("0.002")));
            assertThat(fills).allSatisfy(f -> assertThat(f.maker()).isFalse());
            // filled at prices the venue was showing: within the book's top levels at the time
            BigDecimal bestAsk = book.asks().getFirst().price();
            assertThat(fills.getFirst().price()).isBetween(bestAsk.multiply(new BigDecimal("0.99")),
                    bestAsk.multiply(new BigDecimal("1.01")));

            Map<String, BigDecimal> after = totals(paper.balances());
            assertThat(after.get("BTC").subtract(before.get("BTC"))).isEqualByComparingTo("0.01");
            assertThat(before.get("USDT").subtract(after.get("USDT"))).isEqualByComparingTo(quote.add(fees));
        }
    }

    @Test
    void aLimitOrderRestsWithFundsLockedAndCancelReleasesThem() {
        try (TradingConnector paper = factory().trading("desk_rest", Map.of())) {
            BigDecimal price = bestBid().multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.DOWN);
            OrderUpdate resting = paper.placeOrder(order("r1", TradeType.BUY, OrderType.LIMIT, "0.1", price));
            assertThat(resting.state()).isEqualTo(OrderState.OPEN);
            Balance usdt = balance(paper, "USDT");
            BigDecimal locked = usdt.total().subtract(usdt.available());
            assertThat(locked).isEqualByComparingTo(price.multiply(new BigDecimal("0.1")).multiply(new BigDecimal("1.001")));
            assertThat(paper.openOrders(Optional.of(BTC))).extracting(OrderUpdate::clientOrderId).containsExactly("r1");

            assertThat(paper.cancelOrder(BTC, "r1").state()).isEqualTo(OrderState.CANCELED);
            Balance released = balance(paper, "USDT");
            assertThat(released.available()).isEqualByComparingTo(released.total());
            assertThatThrownBy(() -> paper.cancelOrder(BTC, "r1")).isInstanceOf(VenueException.Rejected.class);
        }
    }

    @Test
    void aRestingOrderFillsWhenTheMovingBookReachesIt() throws Exception {
        try (TradingConnector paper = factory().trading("desk_moving", Map.of())) {
            // orders a tick inside each side of the spread: not marketable when placed (if the book moved
            // meanwhile and one filled at once, as a taker, it does not count), and whichever way the
            // simulated market moves, the book soon reaches one of the resting ones
            Map<String, BigDecimal> resting = new java.util.HashMap<>();
            for (int attempt = 0; attempt < 5 && resting.isEmpty(); attempt++) {
                OrderBookSnapshot book = factory().marketData().orderBook(BTC, 5);
                BigDecimal bid = book.asks().getFirst().price().subtract(new BigDecimal("0.01"));
                BigDecimal ask = book.bids().getFirst().price().add(new BigDecimal("0.01"));
                if (paper.placeOrder(order("near-bid" + attempt, TradeType.BUY, OrderType.LIMIT, "0.001", bid)).state() == OrderState.OPEN) {
                    resting.put("near-bid" + attempt, bid);
                }
                if (paper.placeOrder(order("near-ask" + attempt, TradeType.SELL, OrderType.LIMIT, "0.001", ask)).state() == OrderState.OPEN) {
                    resting.put("near-ask" + attempt, ask);
                }
            }
            assertThat(resting).as("orders that rest").isNotEmpty();
            Instant deadline = Instant.now().plusSeconds(90);
            String filled = null;
            while (filled == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                for (String id : resting.keySet()) {
                    if (paper.orderStatus(BTC, id).state() == OrderState.FILLED) {
                        filled = id;
                    }
                }
            }
            assertThat(filled).as("the moving book reached one of the resting orders").isNotNull();
            BigDecimal price = resting.get(filled);
            assertThat(paper.orderFills(BTC, filled)).isNotEmpty().allSatisfy(f -> {
                assertThat(f.price()).isEqualByComparingTo(price);
                assertThat(f.maker()).isTrue();
            });
            paper.openOrders(Optional.empty()).forEach(o -> paper.cancelOrder(BTC, o.clientOrderId()));
            for (Balance balance : paper.balances()) {
                assertThat(balance.available()).as("nothing stays locked").isEqualByComparingTo(balance.total());
            }
        }
    }

    @Test
    void retriesRejectionsAndPostOnly() {
        try (TradingConnector paper = factory().trading("desk_rules", Map.of())) {
            BigDecimal low = bestBid().multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.DOWN);
            OrderUpdate first = paper.placeOrder(order("same", TradeType.BUY, OrderType.LIMIT, "0.01", low));
            OrderUpdate again = paper.placeOrder(order("same", TradeType.BUY, OrderType.LIMIT, "0.01", low));
            assertThat(again.exchangeOrderId()).isEqualTo(first.exchangeOrderId());
            assertThat(paper.openOrders(Optional.empty())).hasSize(1);

            assertThatThrownBy(() -> paper.placeOrder(order("huge", TradeType.BUY, OrderType.MARKET, "900", null)))
                    .isInstanceOf(VenueException.Rejected.class).hasMessageContaining("insufficient USDT balance");
            assertThatThrownBy(() -> paper.placeOrder(order("tiny", TradeType.BUY, OrderType.LIMIT, "0.000001", low)))
                    .isInstanceOf(VenueException.Rejected.class).hasMessageContaining("below the minimum order size");
            BigDecimal crossing = bestBid().multiply(new BigDecimal("1.1")).setScale(2, RoundingMode.DOWN);
            assertThatThrownBy(() -> paper.placeOrder(order("pm", TradeType.BUY, OrderType.LIMIT_MAKER, "0.01", crossing)))
                    .isInstanceOf(VenueException.Rejected.class).hasMessageContaining("would take liquidity");
            assertThat(paper.openOrders(Optional.empty())).hasSize(1);
            assertThatThrownBy(() -> factory().trading(Map.of())).isInstanceOf(VenueException.Unsupported.class);
        }
    }

    /** The rules trading-service applies before it sends an order, paper applies as the venue: the same TradingRule. */
    @Test
    void refusesAnAmountAboveTheMaximumSizeAndAPriceBelowOneIncrement() {
        try (TradingConnector paper = factory().trading("desk_limits", Map.of())) {
            BigDecimal high = bestBid().multiply(new BigDecimal("2")).setScale(2, RoundingMode.DOWN);
            // BTC-USDT on the sim: at most 1000 per order, prices in steps of 0.01
            assertThatThrownBy(() -> paper.placeOrder(order("big", TradeType.SELL, OrderType.LIMIT, "1000.5", high)))
                    .isInstanceOf(VenueException.Rejected.class)
                    .hasMessageEndingWith(": amount 1000.5 is above the maximum order size 1000 of BTC-USDT");
            assertThatThrownBy(() -> paper.placeOrder(order("zero", TradeType.BUY, OrderType.LIMIT, "0.01",
                    new BigDecimal("0.004")))).isInstanceOf(VenueException.Rejected.class)
                    .hasMessageEndingWith(": price 0.004 is below the price increment 0.01 of BTC-USDT");
            assertThat(paper.openOrders(Optional.empty())).isEmpty();
        }
    }

    @Test
    void balancesFillsAndRestingOrdersSurviveARestart() {
        BigDecimal low = bestBid().multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.DOWN);
        Map<String, BigDecimal> before;
        try (TradingConnector paper = factory().trading("desk_restart", Map.of())) {
            paper.placeOrder(order("s1", TradeType.SELL, OrderType.MARKET, "0.02", null));
            paper.placeOrder(order("keep", TradeType.BUY, OrderType.LIMIT, "0.05", low));
            before = totals(paper.balances());
        }
        // a new factory and ledger on the same database: what a restarted trading-service gets
        try (TradingConnector paper = factory().trading("desk_restart", Map.of())) {
            assertThat(totals(paper.balances())).isEqualTo(before);
            assertThat(paper.orderFills(BTC, "s1")).isNotEmpty();
            assertThat(paper.openOrders(Optional.empty())).extracting(OrderUpdate::clientOrderId).containsExactly("keep");
            assertThat(paper.cancelOrder(BTC, "keep").state()).isEqualTo(OrderState.CANCELED);
            assertThat(balance(paper, "USDT").available()).isEqualByComparingTo(balance(paper, "USDT").total());
        }
    }

    @Test
    void volumeAnOrderAlreadyTookCannotFillItAgainOnlyNewVolumeCan() throws Exception {
        TradingPair sol = TradingPair.parse("SOL-USDT");
        ConnectorFactory sim = SimConnectorFactory.spot(venue.url());
        BookLooks looks = new BookLooks(sim, sol);
        PaperConnectorFactory counted = new PaperConnectorFactory(looks.factory(), Optional.of(new JdbcPaperLedger(dataSource)), FAST);
        try (TradingConnector maker = sim.trading(io.aviary.connectors.sim.SimApiKeys.create(venue.url(), "maker")
                .credentials("sim")); TradingConnector paper = counted.trading("desk_fresh_volume", Map.of())) {
            maker.placeOrder(new OrderRequest("ask1", sol, TradeType.SELL, OrderType.LIMIT, BigDecimal.ONE,
                    new BigDecimal("100"), null));
            OrderUpdate placed = paper.placeOrder(new OrderRequest("take-then-rest", sol, TradeType.BUY, OrderType.LIMIT,
                    new BigDecimal("3"), new BigDecimal("100"), null));
            assertThat(placed.executedBase()).isEqualByComparingTo("1");
            looks.awaitCompleteLooks(2, () -> executed(paper, sol, "take-then-rest").compareTo(BigDecimal.ONE) != 0);
            assertThat(paper.orderStatus(sol, "take-then-rest").executedBase())
                    .as("the 1 SOL ask it took is still on the venue's book, but it is not new").isEqualByComparingTo("1");

            maker.placeOrder(new OrderRequest("ask2", sol, TradeType.SELL, OrderType.LIMIT, new BigDecimal("0.5"),
                    new BigDecimal("99.5"), null));
            Instant deadline = Instant.now().plusSeconds(10);
            while (paper.orderStatus(sol, "take-then-rest").executedBase().compareTo(new BigDecimal("1.5")) < 0
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            looks.awaitCompleteLooks(2, () -> executed(paper, sol, "take-then-rest").compareTo(new BigDecimal("1.5")) != 0);
            OrderUpdate after = paper.orderStatus(sol, "take-then-rest");
            assertThat(after.executedBase()).isEqualByComparingTo("1.5");
            assertThat(after.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
            List<Fill> fills = paper.orderFills(sol, "take-then-rest");
            assertThat(fills).hasSize(2);
            assertThat(fills.get(1).maker()).isTrue();
            assertThat(fills.get(1).price()).as("a resting order fills at its own price").isEqualByComparingTo("100");
        }
    }

    /**
     * The real venue's public data with its reads of one pair's order book counted, so a test can wait
     * until the paper session has looked at the book instead of sleeping and hoping it did.
     */
    private static final class BookLooks {

        private final ConnectorFactory venue;
        private final MarketDataConnector counted;
        private final AtomicInteger reads = new AtomicInteger();

        BookLooks(ConnectorFactory venue, TradingPair pair) {
            this.venue = venue;
            MarketDataConnector real = venue.marketData();
            this.counted = (MarketDataConnector) Proxy.newProxyInstance(MarketDataConnector.class.getClassLoader(),
                    new Class<?>[] {MarketDataConnector.class}, (proxy, method, args) -> {
                        try {
                            Object result = method.invoke(real, args);
                            if (method.getName().equals("orderBook") && pair.equals(args[0])) {
                                reads.incrementAndGet();
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        ConnectorFactory factory() {
            return new ConnectorFactory() {
                @Override
                public io.aviary.connectors.catalog.ConnectorSpec spec() {
                    return venue.spec();
                }

                @Override
                public MarketDataConnector marketData() {
                    return counted;
                }

                @Override
                public TradingConnector trading(Map<String, String> credentials) {
                    return venue.trading(credentials);
                }
            };
        }

        /**
         * Waits for {@code n} more book checks to have finished: looks are one at a time, so once the
         * book was read {@code n + 1} more times, the first {@code n} of those checks stored their outcome.
         * Returns early when {@code changed} (the order moved, so no more looks may come; the caller's
         * assertion then says what went wrong).
         */
        void awaitCompleteLooks(int n, BooleanSupplier changed) throws InterruptedException {
            int target = reads.get() + n + 1;
            Instant deadline = Instant.now().plusSeconds(30);
            while (reads.get() < target && !changed.getAsBoolean() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            if (!changed.getAsBoolean()) {
                assertThat(reads.get()).as("book reads by the paper session's checks").isGreaterThanOrEqualTo(target);
            }
        }
    }

    private static BigDecimal executed(TradingConnector paper, TradingPair pair, String clientOrderId) {
        return paper.orderStatus(pair, clientOrderId).executedBase();
    }

    private static OrderRequest order(String id, TradeType side, OrderType type, String amount, BigDecimal price) {
        return new OrderRequest(id, BTC, side, type, new BigDecimal(amount), price, null);
    }

    private static BigDecimal bestBid() {
        return factory().marketData().orderBook(BTC, 1).bids().getFirst().price();
    }

    private static Balance balance(TradingConnector paper, String asset) {
        return paper.balances().stream().filter(b -> b.asset().equals(asset)).findFirst().orElseThrow();
    }

    private static Map<String, BigDecimal> totals(List<Balance> balances) {
        return balances.stream().collect(Collectors.toMap(Balance::asset, b -> b.total().stripTrailingZeros()));
    }
}
