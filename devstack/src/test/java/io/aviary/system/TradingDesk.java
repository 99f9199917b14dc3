package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * An account with live sim sessions, driven through the gateway like a user would, plus a direct
 * session on the venue with the same key to read the venue's own truth.
 */
final class TradingDesk {

    final RunningSuite suite;
    final Http api;
    final String account;
    final SimApiKeys.Created key;

    private TradingDesk(RunningSuite suite, Http api, String account, SimApiKeys.Created key) {
        this.suite = suite;
        this.api = api;
        this.account = account;
        this.key = key;
    }

    /** A new account with a fresh sim key stored for each of {@code connectors}; returns once every session is live. */
    static TradingDesk open(RunningSuite suite, String account, String... connectors) {
        Http api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        assertThat(api.post("/accounts/add-account?account_name=" + account).status()).isEqualTo(201);
        SimApiKeys.Created key = SimKeys.create(suite);
        TradingDesk desk = new TradingDesk(suite, api, account, key);
        for (String connector : connectors) {
            Http.Response added = api.postJson("/accounts/add-credential/" + account + "/" + connector,
                    SimKeys.credentialJson(key, connector));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
        }
        for (String connector : connectors) {
            desk.awaitSession(connector);
        }
        return desk;
    }

    /** A session is live when an order for a pair the venue does not list is refused as such (400), not as "no session" (404). */
    void awaitSession(String connector) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Http.Response probe = order(connector, "NOPE-USDT", "BUY", "LIMIT", "1", "1");
            assertThat(probe.status()).as(probe.toString()).isEqualTo(400);
        });
    }

    Http.Response order(String connector, String pair, String side, String type, String amount, String price) {
        return api.postJson("/trading/orders", orderJson(connector, pair, side, type, amount, price, null));
    }

    String orderJson(String connector, String pair, String side, String type, String amount, String price,
            String clientOrderId) {
        return "{\"account_name\":\"" + account + "\",\"connector_name\":\"" + connector + "\",\"trading_pair\":\"" + pair
                + "\",\"trade_type\":\"" + side + "\",\"order_type\":\"" + type + "\",\"amount\":" + amount
                + (price == null ? "" : ",\"price\":" + price)
                + (clientOrderId == null ? "" : ",\"client_order_id\":\"" + clientOrderId + "\"") + "}";
    }

    /**
     * A LIMIT SELL of {@code pair} that rests on the book and locks little: priced at three times the best bid, for just
     * over the venue's 5 USDT minimum notional. The benchmarks place thousands of these per account.
     */
    String restingSellJson(String connector, String pair) {
        BigDecimal far = bestBid(connector, pair).multiply(new BigDecimal("3")).setScale(2, java.math.RoundingMode.DOWN);
        String amount = new BigDecimal("5.5").divide(far, 5, java.math.RoundingMode.UP).toPlainString();
        return orderJson(connector, pair, "SELL", "LIMIT", amount, far.toPlainString(), null);
    }

    /** Places an order that must be accepted; returns its client order id. */
    String placed(String connector, String pair, String side, String type, String amount, String price) {
        Http.Response response = order(connector, pair, side, type, amount, price);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.order_id");
    }

    Http.Response list(String path, String filters) {
        String body = "{\"account_names\":[\"" + account + "\"]" + (filters.isEmpty() ? "" : "," + filters) + "}";
        return api.postJson(path, body);
    }

    /** The venue's best bid; waits (bounded) for makers to quote, e.g. right after another test restarted the venue. */
    BigDecimal bestBid(String connector, String pair) {
        return quotedBook(connector, pair).bids().getFirst().price();
    }

    BigDecimal bestAsk(String connector, String pair) {
        return quotedBook(connector, pair).asks().getFirst().price();
    }

    private io.aviary.connectors.model.OrderBookSnapshot quotedBook(String connector, String pair) {
        var book = new java.util.concurrent.atomic.AtomicReference<io.aviary.connectors.model.OrderBookSnapshot>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            book.set(venueMarket(connector).marketData().orderBook(TradingPair.parse(pair), 5));
            return !book.get().bids().isEmpty() && !book.get().asks().isEmpty();
        });
        return book.get();
    }

    /** A session straight on the venue with this desk's key (what the exchange itself says). */
    TradingConnector venueSession(String connector) {
        return venueSessionWith(connector, key);
    }

    /** A session straight on the venue with another key (a counterparty). */
    TradingConnector venueSessionWith(String connector, SimApiKeys.Created otherKey) {
        return venueMarket(connector).trading(otherKey.credentials(connector));
    }

    io.aviary.connectors.model.OrderBookSnapshot venueBook(String connector, String pair) {
        return venueMarket(connector).marketData().orderBook(TradingPair.parse(pair), 20);
    }

    private io.aviary.connectors.port.ConnectorFactory venueMarket(String connector) {
        URI venue = URI.create(suite.serviceUrl("sim-exchange"));
        return SimConnectorFactory.both(venue).stream().filter(f -> f.spec().name().equals(connector)).findFirst()
                .orElseThrow();
    }

    static Map<String, Object> json(Http.Response response) {
        return JsonPath.read(response.body(), "$");
    }

    /**
     * Buys SOL-USDT up to {@code price} with everything the book holds at or below it ({@code seller}'s sells included)
     * plus 0.3, while any of {@code sells} is still open: the sim market moves by itself and its own asks at the same
     * price come first, so a fixed small sweep can be taken entirely by them, or miss a price the market left behind
     * (CI runs saw no fill for a minute).
     */
    void sweepThrough(TradingConnector counterparty, TradingConnector seller, String id, BigDecimal price,
            java.util.List<String> sells) {
        TradingPair sol = TradingPair.parse("SOL-USDT");
        try {
            if (seller.openOrders(java.util.Optional.of(sol)).stream().noneMatch(o -> sells.contains(o.clientOrderId()))) {
                return; // all filled: nothing left to take
            }
            BigDecimal upToPrice = venueBook("sim", "SOL-USDT").asks().stream()
                    .filter(level -> level.price().compareTo(price) <= 0)
                    .map(io.aviary.connectors.model.PriceLevel::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            counterparty.placeOrder(new io.aviary.connectors.model.OrderRequest(id, sol,
                    io.aviary.connectors.model.TradeType.BUY, io.aviary.connectors.model.OrderType.LIMIT,
                    upToPrice.add(new BigDecimal("0.3")), price, null));
            counterparty.cancelOrder(sol, id);
        } catch (RuntimeException e) {
            // a fully filled sweep cannot be cancelled; the venue answering slowly is fine too
        }
    }
}
