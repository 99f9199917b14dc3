package io.aviary.trading.api;

import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.kit.web.ApiException;
import io.aviary.kit.web.JsonBody;
import io.aviary.trading.app.AccountControl;
import io.aviary.trading.app.OrderPlacement;
import io.aviary.trading.app.OrderPlacement.Placed;
import io.aviary.trading.app.TradingQueries;
import io.aviary.trading.domain.ClientOrderIds;
import io.aviary.trading.domain.ListQuery;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.domain.TradeCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The ten {@code /trading} endpoints of the Hummingbot API contract (api-catalog §1.5). */
@RestController
@RequestMapping("/trading")
@Tag(name = "Trading", description = "Orders, trades, positions, funding payments, leverage and position mode")
public class TradingController {

    private final OrderPlacement placement;
    private final AccountControl control;
    private final TradingQueries queries;

    public TradingController(OrderPlacement placement, AccountControl control, TradingQueries queries) {
        this.placement = placement;
        this.control = control;
        this.queries = queries;
    }

    @PostMapping("/orders")
    @Operation(summary = "Place an order; client_order_id or an Idempotency-Key header makes retries safe")
    public ResponseEntity<Map<String, Object>> placeOrder(@RequestBody JsonNode json,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        TradeCommand command = tradeCommand(JsonBody.of(json), idempotencyKey);
        Placed placed = placement.place(command);
        return ResponseEntity.status(placed.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(TradingJson.placed(placed.order(), command.amount(), command.price()));
    }

    @PostMapping("/{account_name}/{connector_name}/orders/{client_order_id}/cancel")
    @Operation(summary = "Cancel an open order (body {trading_pair} optional)")
    public Map<String, Object> cancel(@PathVariable("account_name") String account,
            @PathVariable("connector_name") String connector, @PathVariable("client_order_id") String clientOrderId,
            @RequestBody(required = false) JsonNode json) {
        JsonBody body = JsonBody.of(json);
        String pair = body.optionalString("trading_pair");
        body.validate();
        control.cancel(new SessionKey(account, connector), clientOrderId, pair == null ? null : pair(pair));
        return Map.of("message", "Order " + clientOrderId + " cancelled successfully");
    }

    @PostMapping("/positions")
    @Operation(summary = "Open perpetual positions")
    public Map<String, Object> positions(@RequestBody(required = false) JsonNode json) {
        JsonBody body = JsonBody.of(json);
        ListQuery query = ListRequests.query(body, 4, List.of());
        return TradingJson.page(queries.positions(query), TradingJson::position);
    }

    @PostMapping("/orders/active")
    @Operation(summary = "Open orders (submitted, open, partially filled)")
    public Map<String, Object> activeOrders(@RequestBody(required = false) JsonNode json) {
        JsonBody body = JsonBody.of(json);
        List<String> pairs = body.stringList("trading_pairs");
        ListQuery query = ListRequests.query(body, 2, pairs);
        return TradingJson.page(queries.activeOrders(query), TradingJson::inFlight);
    }

    @PostMapping("/orders/search")
    @Operation(summary = "Order history, newest first")
    public Map<String, Object> searchOrders(@RequestBody(required = false) JsonNode json) {
        JsonBody body = JsonBody.of(json);
        List<String> pairs = body.stringList("trading_pairs");
        String status = body.optionalString("status");
        ListQuery query = ListRequests.query(body, 2, pairs);
        return TradingJson.page(queries.searchOrders(query, statuses(status)), TradingJson::orderRow);
    }

    @PostMapping("/trades")
    @Operation(summary = "Fills, newest first")
    public Map<String, Object> trades(@RequestBody(required = false) JsonNode json) {
        JsonBody body = JsonBody.of(json);
        List<String> pairs = body.stringList("trading_pairs");
        List<String> tradeTypes = body.stringList("trade_types");
        ListQuery query = ListRequests.query(body, 2, pairs);
        return TradingJson.page(queries.trades(query, tradeTypes(tradeTypes)), TradingJson::trade);
    }

    @PostMapping("/funding-payments")
    @Operation(summary = "Funding payments of perpetual positions, newest first")
    public Map<String, Object> fundingPayments(@RequestBody(required = false) JsonNode json) {
        JsonBody body = JsonBody.of(json);
        String pair = body.optionalString("trading_pair");
        ListQuery query = ListRequests.query(body, 2, pair == null ? List.of() : List.of(pair));
        return TradingJson.page(queries.fundingPayments(query), TradingJson::funding);
    }

    @GetMapping("/{account_name}/{connector_name}/position-mode")
    @Operation(summary = "The position mode of a perpetual connector")
    public Map<String, Object> positionMode(@PathVariable("account_name") String account,
            @PathVariable("connector_name") String connector) {
        PositionMode mode = control.positionMode(new SessionKey(account, connector));
        return Map.of("position_mode", mode.name(), "connector", connector, "account", account);
    }

    @PostMapping("/{account_name}/{connector_name}/position-mode")
    @Operation(summary = "Set HEDGE or ONEWAY on a perpetual connector")
    public Map<String, Object> setPositionMode(@PathVariable("account_name") String account,
            @PathVariable("connector_name") String connector, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json);
        String requested = body.requiredString("position_mode");
        body.validate();
        PositionMode mode;
        try {
            mode = PositionMode.valueOf(requested.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid position mode '" + requested + "'. Must be 'HEDGE' or 'ONEWAY'");
        }
        control.setPositionMode(new SessionKey(account, connector), mode);
        return Map.of("status", "success", "message", "Position mode set to " + mode + " on " + connector);
    }

    @PostMapping("/{account_name}/{connector_name}/leverage")
    @Operation(summary = "Set the leverage of a pair on a perpetual connector (1..125)")
    public Map<String, Object> setLeverage(@PathVariable("account_name") String account,
            @PathVariable("connector_name") String connector, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json);
        String pair = body.requiredString("trading_pair");
        Integer leverage = body.requiredInt("leverage", 1, 125);
        body.validate();
        control.setLeverage(new SessionKey(account, connector), pair(pair), leverage);
        return Map.of("status", "success", "message", "Leverage for " + pair + " set to " + leverage + " on " + connector);
    }

    private static TradeCommand tradeCommand(JsonBody body, String idempotencyKey) {
        String account = body.requiredString("account_name");
        String connector = body.requiredString("connector_name");
        String pair = body.requiredString("trading_pair");
        TradeType side = body.literal("trade_type", TradeType.class, null, false);
        BigDecimal amount = body.requiredPositiveDecimal("amount");
        OrderType type = body.literal("order_type", OrderType.class, OrderType.LIMIT, false);
        BigDecimal price = body.optionalDecimal("price");
        PositionAction action = body.literal("position_action", PositionAction.class, PositionAction.OPEN, false);
        String clientOrderId = body.optionalString("client_order_id");
        if (clientOrderId != null && ClientOrderIds.problem(clientOrderId) != null) {
            body.reject("client_order_id", "string_pattern_mismatch", ClientOrderIds.problem(clientOrderId));
        }
        if (action == PositionAction.NIL) {
            body.reject("position_action", "literal_error", "Input should be 'OPEN' or 'CLOSE'");
        }
        body.validate();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
            throw ApiException.badRequest("Idempotency-Key must be 1 to 128 characters");
        }
        return new TradeCommand(new SessionKey(account, connector), pair(pair), side, type, amount, price, action,
                clientOrderId, idempotencyKey);
    }

    private static TradingPair pair(String pair) {
        try {
            return TradingPair.parse(pair);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Known statuses in any case, comma-separated; an unknown one is a 400 rather than a silently empty page (ADR 0003). */
    private static List<OrderStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return List.of();
        }
        List<OrderStatus> statuses = new ArrayList<>();
        for (String one : status.split(",")) {
            String name = one.trim().toUpperCase(Locale.ROOT);
            try {
                statuses.add(OrderStatus.valueOf("CANCELED".equals(name) ? "CANCELLED" : name));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Unknown order status '" + bounded(one.trim()) + "'. Use one or more (comma-separated) of "
                        + List.of(OrderStatus.values()));
            }
        }
        return statuses;
    }

    /** BUY/SELL in any case; anything else is a 400 rather than a silently empty page (ADR 0003). */
    private static List<String> tradeTypes(List<String> requested) {
        List<String> types = new ArrayList<>();
        for (String type : requested) {
            String name = type.trim().toUpperCase(Locale.ROOT);
            if (!name.equals("BUY") && !name.equals("SELL")) {
                throw ApiException.badRequest("Unknown trade type '" + bounded(type) + "'. Use BUY or SELL");
            }
            types.add(name);
        }
        return types;
    }

    /** At most 40 characters of a caller's value in a message (error messages never echo unbounded input). */
    private static String bounded(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
