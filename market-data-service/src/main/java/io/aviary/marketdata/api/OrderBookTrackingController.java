package io.aviary.marketdata.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aviary.marketdata.app.OrderBookTracking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Hummingbot API HEAD's order-book tracker routes under {@code /market-data} (api-catalog §2.3): trading-pair add and
 * remove, diagnostics and restart per connector. {@code account_name} is accepted and unused: market-data-service
 * reads public data only. Failures are statuses (ADR 0003): unknown connector or pair 404, a book that does not
 * arrive within the timeout 503.
 */
@RestController
@RequestMapping("/market-data")
@Tag(name = "Market Data", description = "Candles, prices, funding, order books and order-book queries; feeds and their settings")
public class OrderBookTrackingController {

    private final OrderBookTracking tracking;

    public OrderBookTrackingController(OrderBookTracking tracking) {
        this.tracking = tracking;
    }

    record TradingPairResponse(boolean success, @JsonProperty("connector_name") String connectorName,
            @JsonProperty("trading_pair") String tradingPair, String message) {
    }

    record BookDiagnostics(@JsonProperty("best_bid") BigDecimal bestBid, @JsonProperty("best_ask") BigDecimal bestAsk,
            @JsonProperty("bid_count") int bidCount, @JsonProperty("ask_count") int askCount,
            @JsonProperty("snapshot_uid") Long snapshotUid, @JsonProperty("last_diff_uid") long lastDiffUid) {
    }

    record DiagnosticsResponse(@JsonProperty("connector_type") String connectorType,
            @JsonProperty("connector_name") String connectorName,
            @JsonProperty("has_order_book_tracker") boolean hasOrderBookTracker,
            @JsonProperty("tracker_ready") boolean trackerReady, Map<String, Object> tasks,
            @JsonProperty("trading_pairs") List<String> tradingPairs,
            @JsonProperty("order_books") Map<String, BookDiagnostics> orderBooks, Map<String, Long> metrics,
            @JsonProperty("websocket_status") String websocketStatus) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RestartResponse(boolean success, String message, String error,
            @JsonProperty("trading_pairs") List<String> tradingPairs) {
    }

    @PostMapping("/trading-pair/add")
    @Operation(summary = "Follow a pair's order book until it is removed; waits for its first book up to timeout (1..120 s, default 30)")
    public TradingPairResponse add(@RequestBody JsonNode request) {
        Body body = Body.of(request);
        String connector = body.string("connector_name");
        String pair = body.string("trading_pair");
        body.string("account_name", null);
        double timeout = body.number("timeout", 30.0, 1.0, 120.0);
        body.validate();
        tracking.add(connector, pair, Duration.ofMillis(Math.round(timeout * 1000)));
        return new TradingPairResponse(true, connector, pair, "Order book initialized for " + pair);
    }

    @PostMapping("/trading-pair/remove")
    @Operation(summary = "Stop following a pair's order book; success false when it was not followed")
    public TradingPairResponse remove(@RequestBody JsonNode request) {
        Body body = Body.of(request);
        String connector = body.string("connector_name");
        String pair = body.string("trading_pair");
        body.string("account_name", null);
        body.validate();
        boolean removed = tracking.remove(connector, pair);
        return new TradingPairResponse(removed, connector, pair, removed ? "Trading pair " + pair + " removed"
                : "Trading pair " + pair + " not found or already removed");
    }

    @GetMapping("/order-book/diagnostics/{connector_name}")
    @Operation(summary = "The connector's live order books: pairs, best prices, level counts, sequence and resyncs")
    public DiagnosticsResponse diagnostics(@PathVariable("connector_name") String connector,
            @RequestParam(name = "account_name", required = false) String accountName) {
        OrderBookTracking.Diagnostics d = tracking.diagnostics(connector);
        Map<String, BookDiagnostics> books = new LinkedHashMap<>();
        long resyncs = 0;
        for (OrderBookTracking.BookState b : d.books()) {
            books.put(b.pair(), new BookDiagnostics(b.bestBid(), b.bestAsk(), b.bidCount(), b.askCount(), null, b.sequence()));
            resyncs += b.resyncs();
        }
        return new DiagnosticsResponse(d.connectorType(), d.connector(), !d.books().isEmpty(), d.ready(), Map.of(),
                List.copyOf(books.keySet()), books, Map.of("order_books", (long) books.size(), "resyncs", resyncs),
                d.streaming() ? "connected" : "not_connected");
    }

    @PostMapping("/order-book/restart/{connector_name}")
    @Operation(summary = "Resubscribe every live order book of the connector and wait for each to be in sync again")
    public RestartResponse restart(@PathVariable("connector_name") String connector,
            @RequestParam(name = "account_name", required = false) String accountName) {
        Map<String, Optional<String>> outcome = tracking.restart(connector);
        if (outcome.isEmpty()) {
            return new RestartResponse(false, null, "No trading pairs to restart", null);
        }
        List<String> failed = outcome.entrySet().stream().filter(e -> e.getValue().isPresent())
                .map(e -> e.getKey() + ": " + e.getValue().get()).toList();
        List<String> pairs = List.copyOf(outcome.keySet());
        return failed.isEmpty()
                ? new RestartResponse(true, "Order book tracker restarted for " + connector, null, pairs)
                : new RestartResponse(false, null, "Not in sync again: " + String.join("; ", failed), pairs);
    }
}
