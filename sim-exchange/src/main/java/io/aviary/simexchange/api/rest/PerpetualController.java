package io.aviary.simexchange.api.rest;

import io.aviary.simexchange.api.Wire;
import io.aviary.simexchange.api.WireMapper;
import io.aviary.simexchange.app.Principal;
import io.aviary.simexchange.app.TradingService;
import io.aviary.simexchange.domain.model.PositionMode;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Signed perpetual-only endpoints; on {@code /api/v1/spot/...} they answer 400 NOT_SUPPORTED. */
@RestController
@SignedRequest
@RequestMapping("/api/v1/{venue}")
public class PerpetualController {

    private static final int MAX_ROWS = 1000;

    private final TradingService trading;

    public PerpetualController(TradingService trading) {
        this.trading = trading;
    }

    @GetMapping("/positions")
    List<Wire.Position> positions(@PathVariable String venue, Principal principal) {
        Venues.perpetual(venue);
        return trading.positions(principal).stream().map(WireMapper::position).toList();
    }

    @GetMapping("/leverage")
    Wire.Leverage leverage(@PathVariable String venue, Principal principal, @RequestParam String symbol) {
        Venues.perpetual(venue);
        return leverage(trading.leverage(principal, symbol));
    }

    @PostMapping("/leverage")
    Wire.Leverage setLeverage(@PathVariable String venue, Principal principal, @RequestBody Wire.SetLeverage request) {
        Venues.perpetual(venue);
        if (request.symbol() == null || request.leverage() == null) {
            throw ApiException.badRequest("symbol and leverage are required");
        }
        return leverage(trading.setLeverage(principal, request.symbol(), request.leverage()));
    }

    @GetMapping("/position-mode")
    Wire.PositionMode positionMode(@PathVariable String venue, Principal principal) {
        Venues.perpetual(venue);
        return new Wire.PositionMode(trading.positionMode(principal).name());
    }

    @PostMapping("/position-mode")
    Wire.PositionMode setPositionMode(@PathVariable String venue, Principal principal,
            @RequestBody Wire.SetPositionMode request) {
        Venues.perpetual(venue);
        PositionMode mode = Venues.parse(PositionMode.class, request.positionMode(), "position_mode");
        return new Wire.PositionMode(trading.setPositionMode(principal, mode).name());
    }

    @GetMapping("/funding-payments")
    List<Wire.FundingPayment> fundingPayments(@PathVariable String venue, Principal principal,
            @RequestParam(required = false) String symbol, @RequestParam(defaultValue = "0") long since,
            @RequestParam(defaultValue = "500") int limit) {
        Venues.perpetual(venue);
        return trading.fundingPayments(principal, symbol, since, Math.max(1, Math.min(MAX_ROWS, limit))).stream()
                .map(WireMapper::fundingPayment).toList();
    }

    @GetMapping("/liquidations")
    List<Wire.Liquidation> liquidations(@PathVariable String venue, Principal principal) {
        Venues.perpetual(venue);
        return trading.liquidations(principal).stream().map(WireMapper::liquidation).toList();
    }

    private static Wire.Leverage leverage(TradingService.Leverage l) {
        return new Wire.Leverage(l.symbol(), l.leverage(), l.maxLeverage());
    }
}
