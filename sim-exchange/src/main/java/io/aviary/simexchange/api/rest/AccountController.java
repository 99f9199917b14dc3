package io.aviary.simexchange.api.rest;

import io.aviary.simexchange.api.Wire;
import io.aviary.simexchange.api.WireMapper;
import io.aviary.simexchange.app.Principal;
import io.aviary.simexchange.app.TradingService;
import io.aviary.simexchange.domain.exchange.PlaceOrder;
import io.aviary.simexchange.domain.model.OrderType;
import io.aviary.simexchange.domain.model.PositionAction;
import io.aviary.simexchange.domain.model.Side;
import io.aviary.simexchange.domain.model.VenueKind;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Signed endpoints every venue has: balances, orders, fills. */
@RestController
@SignedRequest
@RequestMapping("/api/v1/{venue}")
public class AccountController {

    private static final int MAX_FILLS = 1000;

    private final TradingService trading;

    public AccountController(TradingService trading) {
        this.trading = trading;
    }

    @GetMapping("/balances")
    List<Wire.Balance> balances(@PathVariable String venue, Principal principal) {
        return trading.balances(Venues.kind(venue), principal).stream().map(WireMapper::balance).toList();
    }

    /** 201 with the new order; 200 with the existing one when the client order id is already known. */
    @PostMapping("/orders")
    ResponseEntity<Wire.Order> place(@PathVariable String venue, Principal principal,
            @RequestBody Wire.PlaceOrder request) {
        VenueKind kind = Venues.kind(venue);
        if (request.symbol() == null || request.amount() == null) {
            throw ApiException.badRequest("symbol, side, type, amount and client_order_id are required");
        }
        PlaceOrder order = new PlaceOrder(request.clientOrderId(), request.symbol(),
                Venues.parse(Side.class, request.side(), "side"), Venues.parse(OrderType.class, request.type(), "type"),
                request.amount(), request.price(), request.positionAction() == null ? PositionAction.NIL
                        : Venues.parse(PositionAction.class, request.positionAction(), "position_action"));
        TradingService.Placed placed = trading.place(kind, principal, order);
        return ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(WireMapper.order(placed.order(), kind));
    }

    @DeleteMapping("/orders/{clientOrderId}")
    Wire.Order cancel(@PathVariable String venue, @PathVariable String clientOrderId, Principal principal,
            @RequestParam(required = false) String symbol) {
        VenueKind kind = Venues.kind(venue);
        return WireMapper.order(trading.cancel(kind, principal, clientOrderId, symbol), kind);
    }

    @GetMapping("/orders/{clientOrderId}")
    Wire.Order order(@PathVariable String venue, @PathVariable String clientOrderId, Principal principal,
            @RequestParam(required = false) String symbol) {
        VenueKind kind = Venues.kind(venue);
        return WireMapper.order(trading.order(kind, principal, clientOrderId, symbol), kind);
    }

    @GetMapping("/orders/{clientOrderId}/fills")
    List<Wire.Fill> orderFills(@PathVariable String venue, @PathVariable String clientOrderId, Principal principal,
            @RequestParam(required = false) String symbol) {
        return trading.orderFills(Venues.kind(venue), principal, clientOrderId, symbol).stream()
                .map(WireMapper::fill).toList();
    }

    @GetMapping("/open-orders")
    List<Wire.Order> openOrders(@PathVariable String venue, Principal principal,
            @RequestParam(required = false) String symbol) {
        VenueKind kind = Venues.kind(venue);
        return trading.openOrders(kind, principal, symbol).stream().map(o -> WireMapper.order(o, kind)).toList();
    }

    @GetMapping("/fills")
    List<Wire.Fill> fills(@PathVariable String venue, Principal principal,
            @RequestParam(required = false) String symbol, @RequestParam(defaultValue = "0") long since,
            @RequestParam(name = "from_trade_id", required = false) Long fromTradeId,
            @RequestParam(defaultValue = "500") int limit) {
        if (fromTradeId != null && symbol == null) {
            throw ApiException.badRequest("from_trade_id needs a symbol (trade ids are per market)");
        }
        int n = Math.max(1, Math.min(MAX_FILLS, limit));
        return trading.fills(Venues.kind(venue), principal, symbol, since, fromTradeId, n).stream()
                .map(WireMapper::fill).toList();
    }
}
