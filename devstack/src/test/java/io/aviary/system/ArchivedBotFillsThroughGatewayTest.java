package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15's "done when", with real fills: a {@code pmm_simple} bot on {@code sim} quotes inside the venue's spread,
 * another venue user takes its ask and its bid, the bot is stopped and archived, and every archive endpoint answers
 * through the gateway with figures that match the fills the venue says the bot's account made — the trades one for
 * one (price, amount, side, trade id), and volume, fees, realized PnL and net position recomputed here by the
 * average-cost method (ADR 0003). The venue's own record of the bot account is the truth: it holds the fills of our
 * taker (the taker's fills are their mirror) and any made by the venue's simulated traders.
 */
class ArchivedBotFillsThroughGatewayTest {

    /** Numbers as written (exact decimals, not doubles). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final TradingPair ETH = TradingPair.parse("ETH-USDT");
    private static final MathContext MATH = MathContext.DECIMAL128;
    /** The wire's figures have at most 12 decimals; the hand computation may differ beyond that by rounding order. */
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");
    /** At most this much quote per take: a new venue user holds 10,000 USDT and 10 ETH. */
    private static final BigDecimal MAX_TAKE_QUOTE = new BigDecimal("8000");

    private static RunningSuite suite;
    private static Http api;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    @Test
    void everyArchiveEndpointMatchesTheFillsOfTheBot() {
        TradingDesk desk = TradingDesk.open(suite, "fills_owner", "sim");
        Instant since = Instant.now().minusSeconds(5);
        // one level a side at 2 bp, behind the venue's simulated best quotes (1.5 bp, 1.2 ETH) and before their next
        // level: the simulated takers seldom reach that deep, our taker sweeps the level before it and takes the bot's.
        // No start-up rebalance: its MARKET buy would be a bot BUY fill our taker never made, and the test takes the
        // quotes until the bot has a fill on each side
        Http.Response config = api.postJson("/controllers/configs/pmm_fills", """
                {"id": "pmm_fills", "controller_name": "pmm_simple", "controller_type": "market_making",
                 "connector_name": "sim", "trading_pair": "ETH-USDT", "total_amount_quote": "100",
                 "buy_spreads": [0.0002], "sell_spreads": [0.0002], "executor_refresh_time": 60,
                 "skip_rebalance": true}""");
        assertThat(config.status()).as(config.toString()).isEqualTo(201);
        Http.Response deployed = api.postJson("/bot-orchestration/deploy-v2-controllers", """
                {"instance_name": "fills", "credentials_profile": "fills_owner",
                 "controllers_config": ["pmm_fills"], "max_global_drawdown_quote": 500}""");
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
        String bot = json(deployed).get("unique_instance_name").asString();

        TradingConnector botAccount = desk.venueSession("sim");
        TradingConnector taker = desk.venueSessionWith("sim", SimKeys.create(suite));
        takeBothSides(desk, botAccount, taker, since);
        List<Fill> takerFills = taker.trades(ETH, since);
        takerFills.forEach(f -> System.out.printf("taker %s %s @ %s fee %s %s (trade %s)%n", f.side(), f.amount(),
                f.price(), f.fee(), f.feeAsset(), f.tradeId()));

        Http.Response archive = api.post("/bot-orchestration/stop-and-archive-bot/" + bot
                + "?skip_order_cancellation=false");
        assertThat(archive.status()).as(archive.toString()).isEqualTo(200);
        String jobUrl = json(archive).get("job_url").asString();
        JsonNode job = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get(jobUrl)), j -> !Set.of("running", "pending").contains(j.get("status").asString()));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(botAccount.openOrders(Optional.of(ETH))).as("the stop cancelled the bot's orders").isEmpty();

        List<Fill> botFills = botAccount.trades(ETH, since).stream()
                .sorted(Comparator.comparing(Fill::timestamp).thenComparing(Fill::tradeId)).toList();
        botFills.forEach(f -> System.out.printf("bot %s %s @ %s fee %s %s (trade %s, order %s)%n", f.side(),
                f.amount(), f.price(), f.fee(), f.feeAsset(), f.tradeId(), f.clientOrderId()));
        assertThat(botFills).extracting(Fill::side).contains(TradeType.BUY, TradeType.SELL);
        assertMirrored(takerFills, botFills);

        String dbPath = "bots/archived/" + bot + "/data/" + bot + ".sqlite";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get("/archived-bots/")).toString().contains(dbPath));
        String base = "/archived-bots/" + dbPath;

        JsonNode trades = json(api.get(base + "/trades?limit=1000"));
        assertThat(trades.get("pagination").get("total").asLong()).isEqualTo(botFills.size());
        assertThat(tradesOf(trades)).as("the archive's trades are the venue's fills of the bot")
                .containsExactlyInAnyOrderElementsOf(botFills.stream().map(ArchivedBotFillsThroughGatewayTest::trade)
                        .toList());

        Expected expected = Expected.of(botFills);
        System.out.println("expected from the fills: " + expected);
        JsonNode summary = json(api.get(base + "/summary"));
        assertThat(summary.get("total_trades").asLong()).isEqualTo(botFills.size());
        assertThat(summary.get("trading_pairs").toString()).isEqualTo("[\"ETH-USDT\"]");
        assertThat(summary.get("exchanges").toString()).isEqualTo("[\"sim\"]");

        JsonNode performance = json(api.get(base + "/performance"));
        JsonNode figures = performance.get("summary");
        assertThat(figures.get("total_trades").asLong()).isEqualTo(botFills.size());
        assertFigure(figures, "total_volume_quote", expected.volume());
        assertFigure(figures, "total_fees_quote", expected.fees());
        assertFigure(figures, "final_realized_pnl_quote", expected.realized());
        assertFigure(figures, "final_unrealized_pnl_quote", expected.unrealized());
        assertFigure(figures, "final_net_position", expected.position());
        assertFigure(figures, "final_net_pnl_quote", expected.realized().add(expected.unrealized())
                .subtract(expected.fees()));
        JsonNode market = performance.get("by_market").get(0);
        assertThat(performance.get("by_market").size()).isEqualTo(1);
        assertFigure(market, "buy_volume", expected.bought());
        assertFigure(market, "sell_volume", expected.sold());
        assertFigure(market, "average_entry_price", expected.entry());
        JsonNode rows = performance.get("performance_data");
        assertThat(rows.size()).isEqualTo(botFills.size());
        assertFigure(rows.get(rows.size() - 1), "cum_volume_quote", expected.volume());
        assertFigure(rows.get(rows.size() - 1), "cum_fees_quote", expected.fees());

        Map<String, String> statusOfFilledOrder = ordersByStatus(base);
        Set<String> filledOrders = botFills.stream().map(Fill::clientOrderId).collect(Collectors.toSet());
        assertThat(statusOfFilledOrder).as("every order with a fill is in the archive").containsKeys(
                filledOrders.toArray(String[]::new));
        filledOrders.forEach(id -> assertThat(statusOfFilledOrder.get(id)).as(id)
                .isIn("BuyOrderCompleted", "SellOrderCompleted", "OrderFilled", "OrderCancelled"));
        assertThat(statusOfFilledOrder.values()).as("an order fully filled on the venue is completed in the archive")
                .containsAnyOf("BuyOrderCompleted", "SellOrderCompleted", "OrderFilled");

        JsonNode controllers = json(api.get(base + "/controllers"));
        assertThat(controllers.get("total").asLong()).isEqualTo(1);
        assertThat(controllers.toString()).contains("pmm_fills");
        JsonNode executors = json(api.get(base + "/executors"));
        assertThat(executors.get("total").asLong()).as("one executor per order at least").isGreaterThanOrEqualTo(2);
        JsonNode byController = performance.get("by_controller");
        assertThat(byController.size()).isEqualTo(1);
        assertThat(byController.get(0).get("controller_id").asString()).isEqualTo("pmm_fills");
        // the executors' own filled quote (stored as REAL) covers exactly the controller's fills
        assertThat(byController.get(0).get("filled_amount_quote").decimalValue())
                .isCloseTo(expected.volume(), org.assertj.core.data.Offset.offset(new BigDecimal("0.0001")));
    }

    /**
     * Takes the bot's resting quote on each side that has no fill yet with a limit order of the taker at its price
     * (sweeping the simulated quotes that rest before it), until the venue shows the bot with a buy and a sell fill.
     */
    private static void takeBothSides(TradingDesk desk, TradingConnector botAccount, TradingConnector taker,
            Instant since) {
        int[] attempts = {0};
        await("a buy and a sell fill of the bot").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Set<TradeType> filled = botAccount.trades(ETH, since).stream().map(Fill::side)
                            .collect(Collectors.toSet());
                    for (TradeType side : List.of(TradeType.SELL, TradeType.BUY)) {
                        if (!filled.contains(side)) {
                            nearestQuote(botAccount, side).ifPresent(quote -> take(desk, taker, quote,
                                    "take-" + side + "-" + ++attempts[0] + "-" + System.nanoTime() % 1_000_000));
                        }
                    }
                    return botAccount.trades(ETH, since).stream().map(Fill::side).distinct().count() == 2;
                });
    }

    /** The bot's quote nearest the market on a side (a position executor's take-profit order rests further out). */
    private static Optional<OrderUpdate> nearestQuote(TradingConnector botAccount, TradeType side) {
        Comparator<OrderUpdate> byPrice = Comparator.comparing(OrderUpdate::price);
        return botAccount.openOrders(Optional.of(ETH)).stream().filter(o -> o.side() == side)
                .min(side == TradeType.SELL ? byPrice : byPrice.reversed());
    }

    private static void take(TradingDesk desk, TradingConnector taker, OrderUpdate quote, String id) {
        OrderBookSnapshot book = desk.venueBook("sim", "ETH-USDT");
        boolean botSells = quote.side() == TradeType.SELL;
        List<PriceLevel> levels = botSells ? book.asks() : book.bids();
        BigDecimal ahead = levels.stream()
                .filter(l -> botSells ? l.price().compareTo(quote.price()) <= 0 : l.price().compareTo(quote.price()) >= 0)
                .map(PriceLevel::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = ahead.max(quote.amount()).min(MAX_TAKE_QUOTE.divide(quote.price(), 4, RoundingMode.DOWN));
        try {
            taker.placeOrder(new OrderRequest(id, ETH, botSells ? TradeType.BUY : TradeType.SELL, OrderType.LIMIT,
                    amount, quote.price(), null));
            taker.cancelOrder(ETH, id);
        } catch (RuntimeException e) {
            // fully filled (nothing left to cancel), or the quote moved meanwhile: the caller looks at the fills
        }
    }

    /** The taker's fills with a trade id of the bot are the same trade seen from the other side. */
    private static void assertMirrored(List<Fill> takerFills, List<Fill> botFills) {
        Map<String, Fill> bots = botFills.stream().collect(Collectors.toMap(Fill::tradeId, f -> f, (a, b) -> a));
        List<Fill> crossed = takerFills.stream().filter(f -> bots.containsKey(f.tradeId())).toList();
        assertThat(crossed).as("our taker traded with the bot").isNotEmpty();
        for (Fill ours : crossed) {
            Fill theirs = bots.get(ours.tradeId());
            assertThat(theirs.side()).isNotEqualTo(ours.side());
            assertThat(theirs.price()).isEqualByComparingTo(ours.price());
            assertThat(theirs.amount()).isEqualByComparingTo(ours.amount());
            assertThat(theirs.maker()).as("the bot's quote rested").isTrue();
        }
    }

    private static List<String> tradesOf(JsonNode trades) {
        List<String> rows = new ArrayList<>();
        trades.get("trades").forEach(t -> rows.add(t.get("trade_type").asString() + " "
                + t.get("amount").decimalValue().stripTrailingZeros().toPlainString() + " @ "
                + t.get("price").decimalValue().stripTrailingZeros().toPlainString() + " "
                + t.get("exchange_trade_id").asString() + " " + t.get("order_id").asString()));
        return rows;
    }

    private static String trade(Fill fill) {
        return fill.side().name() + " " + fill.amount().stripTrailingZeros().toPlainString() + " @ "
                + fill.price().stripTrailingZeros().toPlainString() + " " + fill.tradeId() + " " + fill.clientOrderId();
    }

    private static Map<String, String> ordersByStatus(String base) {
        JsonNode orders = json(api.get(base + "/orders?limit=1000"));
        return orders.get("orders").valueStream().collect(Collectors.toMap(o -> o.get("id").asString(),
                o -> o.get("last_status").asString()));
    }

    private static void assertFigure(JsonNode node, String field, BigDecimal expected) {
        assertThat(node.get(field)).as(field + " in " + node).isNotNull();
        assertThat(node.get(field).decimalValue()).as(field)
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(TOLERANCE));
    }

    /**
     * The figures worked out from the fills by hand, average-cost method: buying adds to the long position at a new
     * average entry price, a sell against it realizes (price − entry) × amount closed, a sell beyond the position
     * opens a short at its own price (and the mirror for buys); unrealized marks what is open at the last fill's
     * price. The fee of a fill is what the bot records in {@code trade_fee_in_quote}: the venue's fee, times the
     * price when charged in ETH, kept to the column's 6 decimals (truncated, as Hummingbot's SqliteDecimal).
     */
    private record Expected(BigDecimal volume, BigDecimal fees, BigDecimal realized, BigDecimal unrealized,
            BigDecimal position, BigDecimal entry, BigDecimal bought, BigDecimal sold) {

        static Expected of(List<Fill> fills) {
            BigDecimal volume = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;
            BigDecimal realized = BigDecimal.ZERO;
            BigDecimal position = BigDecimal.ZERO;
            BigDecimal entry = BigDecimal.ZERO;
            BigDecimal bought = BigDecimal.ZERO;
            BigDecimal sold = BigDecimal.ZERO;
            BigDecimal last = BigDecimal.ZERO;
            for (Fill fill : fills) {
                BigDecimal signed = fill.side() == TradeType.BUY ? fill.amount() : fill.amount().negate();
                volume = volume.add(fill.price().multiply(fill.amount()));
                fees = fees.add(feeInQuote(fill));
                if (fill.side() == TradeType.BUY) {
                    bought = bought.add(fill.amount());
                } else {
                    sold = sold.add(fill.amount());
                }
                if (position.signum() == 0 || position.signum() == signed.signum()) {
                    entry = entry.multiply(position.abs()).add(fill.price().multiply(fill.amount()))
                            .divide(position.abs().add(fill.amount()), MATH);
                } else {
                    BigDecimal closed = position.abs().min(fill.amount());
                    realized = realized.add(fill.price().subtract(entry).multiply(closed)
                            .multiply(BigDecimal.valueOf(position.signum())));
                    if (fill.amount().compareTo(position.abs()) > 0) {
                        entry = fill.price();
                    } else if (fill.amount().compareTo(position.abs()) == 0) {
                        entry = BigDecimal.ZERO;
                    }
                }
                position = position.add(signed);
                last = fill.price();
            }
            return new Expected(volume, fees, realized, last.subtract(entry).multiply(position), position, entry,
                    bought, sold);
        }

        private static BigDecimal feeInQuote(Fill fill) {
            if (fill.fee() == null || fill.feeAsset() == null) {
                return BigDecimal.ZERO;
            }
            BigDecimal quote = fill.feeAsset().equals("USDT") ? fill.fee()
                    : fill.feeAsset().equals("ETH") ? fill.fee().multiply(fill.price()) : BigDecimal.ZERO;
            return quote.setScale(6, RoundingMode.DOWN);
        }
    }

    private static JsonNode json(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
