package io.aviary.simexchange.api.rest;

import io.aviary.simexchange.api.Wire;
import io.aviary.simexchange.api.WireMapper;
import io.aviary.simexchange.app.ApiKeyService;
import io.aviary.simexchange.app.CandleService;
import io.aviary.simexchange.app.Interval;
import io.aviary.simexchange.app.MarketDataService;
import io.aviary.simexchange.app.VenueConfig;
import io.aviary.simexchange.domain.model.VenueKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Unauthenticated endpoints: market data and the "create API key" page. */
@RestController
@RequestMapping("/api/v1")
public class PublicController {

    private final MarketDataService markets;
    private final CandleService candles;
    private final ApiKeyService keys;
    private final VenueConfig config;

    public PublicController(MarketDataService markets, CandleService candles, ApiKeyService keys, VenueConfig config) {
        this.markets = markets;
        this.candles = candles;
        this.keys = keys;
        this.config = config;
    }

    @GetMapping("/time")
    Wire.ServerTime time() {
        return new Wire.ServerTime(System.currentTimeMillis());
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    Wire.ApiKey createKey(@RequestBody(required = false) Wire.CreateApiKey request) {
        ApiKeyService.CreatedKey k = keys.create(request == null ? null : request.label());
        Map<String, List<Wire.Balance>> balances = new LinkedHashMap<>();
        balances.put(VenueKind.SPOT.path(), k.spotBalances().stream().map(WireMapper::balance).toList());
        balances.put(VenueKind.PERPETUAL.path(), k.perpBalances().stream().map(WireMapper::balance).toList());
        return new Wire.ApiKey(k.apiKey(), k.apiSecret(), k.label(), k.accountId(), balances);
    }

    @GetMapping("/{venue}/markets")
    List<Wire.Market> markets(@PathVariable String venue) {
        return markets.markets(Venues.kind(venue)).stream()
                .map(m -> WireMapper.market(m, config.perpCollateral())).toList();
    }

    @GetMapping("/{venue}/tickers")
    List<Wire.Ticker> tickers(@PathVariable String venue, @RequestParam(required = false) String symbol) {
        return markets.tickers(Venues.kind(venue), symbol).stream().map(WireMapper::ticker).toList();
    }

    @GetMapping("/{venue}/depth")
    Wire.Book depth(@PathVariable String venue, @RequestParam String symbol,
            @RequestParam(defaultValue = "100") int limit) {
        return WireMapper.book(markets.depth(Venues.kind(venue), symbol, limit));
    }

    @GetMapping("/{venue}/trades")
    List<Wire.Trade> trades(@PathVariable String venue, @RequestParam String symbol,
            @RequestParam(defaultValue = "100") int limit) {
        return markets.trades(Venues.kind(venue), symbol, limit).stream().map(WireMapper::trade).toList();
    }

    @GetMapping("/{venue}/candles")
    List<Wire.Candle> candles(@PathVariable String venue, @RequestParam String symbol,
            @RequestParam(defaultValue = "1m") String interval,
            @RequestParam(name = "start_time", required = false) Long startTime,
            @RequestParam(name = "end_time", required = false) Long endTime,
            @RequestParam(required = false) Integer limit) {
        Interval i = Interval.fromWireName(interval).orElseThrow(() -> ApiException.badRequest(
                "unknown interval '" + interval + "': use 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M"));
        return candles.candles(Venues.kind(venue), symbol, i, startTime, endTime, limit).stream()
                .map(WireMapper::candle).toList();
    }

    @GetMapping("/{venue}/funding-info")
    Wire.FundingInfo fundingInfo(@PathVariable String venue, @RequestParam String symbol) {
        Venues.perpetual(venue);
        return WireMapper.funding(markets.fundingInfo(symbol));
    }

    /** Past funding events, oldest first (start_time/end_time in epoch ms, end exclusive; limit 1..1000). */
    @GetMapping("/{venue}/funding-rates")
    List<Wire.FundingRate> fundingRates(@PathVariable String venue, @RequestParam String symbol,
            @RequestParam(name = "start_time") long startTime, @RequestParam(name = "end_time") long endTime,
            @RequestParam(defaultValue = "500") int limit) {
        Venues.perpetual(venue);
        if (endTime < startTime) {
            throw ApiException.badRequest("end_time must not be before start_time");
        }
        return markets.fundingRates(symbol, startTime, endTime, limit).stream().map(WireMapper::fundingRate).toList();
    }
}
