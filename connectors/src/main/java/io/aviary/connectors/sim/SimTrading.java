package io.aviary.connectors.sim;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.UserStreamListener;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.FillPager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One account on the simulated venue: every call is a signed REST request; the user stream is a
 * WebSocket that logs in with a signed message (fresh on every reconnect) and pushes order, fill,
 * balance, position and funding updates. Stateless apart from its open streams; thread-safe.
 */
final class SimTrading implements TradingConnector {

    private static final int PAGE = 1000;

    private final SimVenue venue;
    private final SimHttp http;
    private final SimHttp.Credentials credentials;
    private final List<SimSocket> streams = new CopyOnWriteArrayList<>();
    private final int fillPageSize;

    SimTrading(SimVenue venue, SimHttp http, SimHttp.Credentials credentials, int fillPageSize) {
        this.fillPageSize = fillPageSize;
        this.venue = venue;
        this.http = http;
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return venue.connector();
    }

    private JsonNode signed(String method, String suffix, Map<String, String> query, Object body) {
        return http.send(method, venue.path(suffix), query, body, credentials);
    }

    private void perpetualOnly(String what) {
        if (!venue.perpetual()) {
            throw new VenueException.Unsupported(venue.connector(), what + " exists on sim_perpetual only");
        }
    }

    @Override
    public void verifyCredentials() {
        signed("GET", "/balances", null, null);
    }

    @Override
    public List<Balance> balances() {
        return map(signed("GET", "/balances", null, null), SimWire::balance);
    }

    @Override
    public OrderUpdate placeOrder(OrderRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", request.tradingPair().toString());
        body.put("side", request.side().name());
        body.put("type", request.type().name());
        body.put("amount", request.amount().toPlainString());
        if (request.price() != null && request.type().isLimitType()) {
            body.put("price", request.price().toPlainString());
        }
        body.put("client_order_id", request.clientOrderId());
        body.put("position_action", request.positionAction().name());
        return SimWire.order(signed("POST", "/orders", null, body));
    }

    @Override
    public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        return SimWire.order(signed("DELETE", "/orders/" + segment(clientOrderId), SimHttp.query("symbol", pair), null));
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        return map(signed("GET", "/open-orders", SimHttp.query("symbol", pair.orElse(null)), null), SimWire::order);
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        return SimWire.order(signed("GET", "/orders/" + segment(clientOrderId), SimHttp.query("symbol", pair), null));
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        return map(signed("GET", "/orders/" + segment(clientOrderId) + "/fills", SimHttp.query("symbol", pair), null),
                SimWire::fill);
    }

    /**
     * Pages by trade id ({@code from_trade_id} = the last id read, inclusive), not by time: a page
     * full of fills stamped in one millisecond (one order sweeping the book) would stall a time cursor
     * and leave the rest unread.
     */
    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        return FillPager.readAll(0L, fillPageSize, fromTradeId -> {
            JsonNode page = signed("GET", "/fills", SimHttp.query("symbol", pair, "since", since.toEpochMilli(),
                    "from_trade_id", fromTradeId, "limit", fillPageSize), null);
            List<Fill> fills = new ArrayList<>();
            page.forEach(row -> fills.add(SimWire.fill(row)));
            Long last = fills.isEmpty() ? null : Long.valueOf(fills.get(fills.size() - 1).tradeId());
            return FillPager.Page.of(fills, fills.size(), last);
        });
    }

    @Override
    public List<Position> positions() {
        perpetualOnly("positions");
        return map(signed("GET", "/positions", null, null), SimWire::position);
    }

    @Override
    public void setLeverage(TradingPair pair, int leverage) {
        perpetualOnly("leverage");
        signed("POST", "/leverage", null, Map.of("symbol", pair.toString(), "leverage", leverage));
    }

    @Override
    public PositionMode positionMode() {
        perpetualOnly("position mode");
        return PositionMode.valueOf(signed("GET", "/position-mode", null, null).path("position_mode").asString());
    }

    @Override
    public void setPositionMode(PositionMode mode) {
        perpetualOnly("position mode");
        signed("POST", "/position-mode", null, Map.of("position_mode", mode.name()));
    }

    @Override
    public List<FundingPayment> fundingPayments(TradingPair pair, Instant since) {
        perpetualOnly("funding payments");
        return paged("/funding-payments", pair, since, SimWire::fundingPayment,
                f -> f.timestamp().toEpochMilli() + "/" + f.side() + "/" + f.tradingPair(),
                f -> f.timestamp().toEpochMilli());
    }

    /** Pages forward by time; rows sharing the boundary millisecond are de-duplicated by key. */
    private <T> List<T> paged(String suffix, TradingPair pair, Instant since, Function<JsonNode, T> mapper,
            Function<T, String> key, Function<T, Long> time) {
        List<T> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long cursor = since.toEpochMilli();
        while (true) {
            JsonNode page = signed("GET", suffix, SimHttp.query("symbol", pair, "since", cursor, "limit", PAGE), null);
            int added = 0;
            for (JsonNode row : page) {
                T item = mapper.apply(row);
                if (seen.add(key.apply(item))) {
                    out.add(item);
                    added++;
                }
            }
            if (page.size() < PAGE || added == 0) {
                return out;
            }
            cursor = time.apply(out.get(out.size() - 1));
        }
    }

    /**
     * Returns once the venue confirmed the private subscription, so nothing that happens after
     * this call is missed.
     */
    @Override
    public Subscription subscribeUserStream(UserStreamListener listener) {
        verifyCredentials(); // bad credentials fail here, not silently on the socket
        CompletableFuture<Void> live = new CompletableFuture<>();
        SimSocket socket = new SimSocket(venue, this::login, message -> {
            acknowledge(message, live);
            dispatch(message, listener);
        }, listener::onDisconnect);
        streams.add(socket);
        Subscription subscription = SimMarketData.once(() -> {
            streams.remove(socket);
            socket.close();
        });
        socket.subscribe("private", venue.json().writeValueAsString(
                Map.of("op", "subscribe", "channel", "private", "venue", venue.namespace())));
        try {
            live.get(SimVenue.REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            subscription.close();
            throw e.getCause() instanceof VenueException v ? v
                    : new VenueException.Unexpected(venue.connector(), "user stream failed", e.getCause());
        } catch (TimeoutException e) {
            subscription.close();
            throw new VenueException.Unavailable(venue.connector(), "the user stream did not open within "
                    + SimVenue.REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            subscription.close();
            throw new VenueException.Unavailable(venue.connector(), "interrupted while opening the user stream", e);
        }
        return subscription;
    }

    private void acknowledge(JsonNode message, CompletableFuture<Void> live) {
        String type = message.path("type").asString("");
        if (type.equals("subscribed") && message.path("channel").asString("").equals("private")) {
            live.complete(null);
        } else if (type.equals("error") && !live.isDone()) {
            live.completeExceptionally(new VenueException.AuthenticationFailed(venue.connector(),
                    message.path("code").asString("") + ": " + message.path("message").asString("")));
        }
    }

    private List<String> login() {
        String timestamp = Long.toString(System.currentTimeMillis());
        return List.of(venue.json().writeValueAsString(Map.of("op", "login", "api_key", credentials.apiKey(),
                "timestamp", timestamp, "signature", SimHttp.sign(credentials.apiSecret(), timestamp + "GET/ws/login"))));
    }

    private void dispatch(JsonNode message, UserStreamListener listener) {
        if (!venue.namespace().equals(message.path("venue").asString(""))) {
            return;
        }
        JsonNode data = message.path("data");
        switch (message.path("type").asString("")) {
            case "order" -> listener.onOrderUpdate(SimWire.order(data));
            case "fill" -> listener.onFill(SimWire.fill(data));
            case "balance" -> listener.onBalance(SimWire.balance(data));
            case "position" -> listener.onPosition(SimWire.position(data));
            case "funding_payment" -> listener.onFundingPayment(SimWire.fundingPayment(data));
            default -> {
                // acks, settings, liquidation records (the position update already tells)
            }
        }
    }

    @Override
    public void close() {
        for (SimSocket s : streams) {
            s.close();
        }
        streams.clear();
    }

    private static String segment(String clientOrderId) {
        return URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8);
    }

    private static <T> List<T> map(JsonNode array, Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            out.add(f.apply(n));
        }
        return out;
    }
}
