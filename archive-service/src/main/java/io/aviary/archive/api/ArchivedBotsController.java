package io.aviary.archive.api;

import io.aviary.archive.app.ArchivedBots;
import io.aviary.archive.app.ArchivedBots.PerformanceReport;
import io.aviary.archive.domain.ArchiveProblem;
import io.aviary.archive.domain.ControllerFigures;
import io.aviary.archive.domain.DatabaseSummary;
import io.aviary.archive.domain.MarketBook;
import io.aviary.archive.domain.Page;
import io.aviary.archive.domain.PageRequest;
import io.aviary.archive.domain.Performance;
import io.aviary.kit.web.ApiException;
import io.aviary.kit.web.ErrorBody;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hummingbot API's {@code /archived-bots} (api-catalog §1.11 plus HEAD's DELETE, positions and controllers), also
 * mounted as {@code /databases} (the group the ca19b95 README names). {@code db_path} may contain slashes, so the
 * rest of the path is read whole: {@code <db_path>/<view>} for the views, {@code <db_path>} for DELETE.
 */
@RestController
public class ArchivedBotsController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int DEFAULT_ROWS = 1_000;

    private final ArchivedBots archive;

    public ArchivedBotsController(ArchivedBots archive) {
        this.archive = archive;
    }

    @GetMapping({"/archived-bots/{*rest}", "/databases/{*rest}"})
    public Object read(@PathVariable String rest, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long offset, @RequestParam(required = false) String status) {
        String path = rest.startsWith("/") ? rest.substring(1) : rest;
        if (path.isEmpty()) {
            return archive.list();
        }
        int slash = path.lastIndexOf('/');
        String view = slash < 0 ? "" : path.substring(slash + 1);
        String dbPath = slash < 0 ? path : path.substring(0, slash);
        return switch (view) {
            case "status" -> status(dbPath);
            case "summary" -> summary(dbPath);
            case "performance" -> performance(dbPath, page(limit, offset, DEFAULT_ROWS));
            case "trades" -> paged(dbPath, "trades", archive.trades(dbPath, page(limit, offset, DEFAULT_LIMIT)));
            case "orders" -> paged(dbPath, "orders",
                    archive.orders(dbPath, page(limit, offset, DEFAULT_LIMIT), blankToNull(status)));
            case "positions" -> paged(dbPath, "positions",
                    archive.positions(dbPath, page(limit, offset, DEFAULT_LIMIT)));
            case "executors" -> listed(dbPath, "executors",
                    archive.executors(dbPath, page(limit, offset, DEFAULT_ROWS)));
            case "controllers" -> listed(dbPath, "controllers",
                    archive.controllers(dbPath, page(limit, offset, DEFAULT_ROWS)));
            default -> throw ApiException.notFound("Not Found");
        };
    }

    @DeleteMapping({"/archived-bots/{*rest}", "/databases/{*rest}"})
    public Map<String, Object> delete(@PathVariable String rest) {
        String dbPath = rest.startsWith("/") ? rest.substring(1) : rest;
        String instance = archive.delete(dbPath);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Archived bot '" + instance + "' deleted");
        body.put("bot_name", instance);
        // bot runs are orchestration-service's records; deleting the archive leaves them (ADR 0003)
        body.put("bot_runs_deleted", 0);
        return body;
    }

    /** Each reason a named database cannot be served gets its status; the message says which it is. */
    @ExceptionHandler(ArchiveProblem.class)
    ResponseEntity<Map<String, Object>> refused(ArchiveProblem problem) {
        HttpStatus status = switch (problem.kind()) {
            case OUTSIDE_ARCHIVE -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_SQLITE, NOT_HUMMINGBOT -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return ResponseEntity.status(status).body(ErrorBody.of(problem.getMessage()));
    }

    private Map<String, Object> status(String dbPath) {
        Map<String, String> tables = archive.status(dbPath);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("db_name", dbPath.substring(dbPath.lastIndexOf('/') + 1));
        status.put("db_path", "sqlite:///" + dbPath);
        status.put("trade_fill", tables.get("TradeFill"));
        status.put("orders", tables.get("Order"));
        status.put("order_status", tables.get("OrderStatus"));
        status.put("executors", tables.get("Executors"));
        status.put("controllers", tables.get("Controllers"));
        status.put("positions", tables.get("Position"));
        boolean healthy = tables.values().stream().allMatch("Correct"::equals);
        status.put("general_status", healthy);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("db_path", dbPath);
        body.put("status", status);
        body.put("healthy", healthy);
        return body;
    }

    private Map<String, Object> summary(String dbPath) {
        DatabaseSummary summary = archive.summary(dbPath);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("db_path", dbPath);
        body.put("total_orders", summary.totalOrders());
        body.put("total_trades", summary.totalTrades());
        body.put("total_executors", summary.totalExecutors());
        body.put("total_positions", summary.totalPositions());
        body.put("total_controllers", summary.totalControllers());
        body.put("trading_pairs", summary.tradingPairs());
        body.put("exchanges", summary.exchanges());
        return body;
    }

    private Map<String, Object> performance(String dbPath, PageRequest rows) {
        PerformanceReport report = archive.performance(dbPath, rows);
        Performance fills = report.fills();
        List<MarketBook> markets = fills.markets();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_trades", fills.totalTrades());
        summary.put("final_net_pnl_quote", wire(fills.netPnl()));
        summary.put("final_realized_pnl_quote", wire(fills.realized()));
        summary.put("final_unrealized_pnl_quote", wire(fills.unrealized()));
        summary.put("total_fees_quote", wire(fills.fees()));
        summary.put("total_volume_quote", wire(fills.volumeQuote()));
        summary.put("final_net_position", wire(fills.netPosition()));
        summary.put("trading_pairs", markets.stream().map(m -> m.market().tradingPair()).distinct().sorted().toList());
        List<String> connectors = markets.stream().map(m -> m.market().connectorName()).distinct().sorted().toList();
        summary.put("connector_names", connectors);
        summary.put("markets", connectors);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("db_path", dbPath);
        body.put("summary", summary);
        body.put("by_market", markets.stream().map(ArchivedBotsController::market).toList());
        body.put("by_controller", report.controllers().stream().map(ArchivedBotsController::controller).toList());
        body.put("performance_data", fills.rows().stream().map(ArchivedBotsController::row).toList());
        body.put("pagination", pagination(rows, fills.totalTrades()));
        return body;
    }

    private static Map<String, Object> market(MarketBook book) {
        BigDecimal unrealized = book.unrealizedAt(book.lastPrice());
        Map<String, Object> market = new LinkedHashMap<>();
        market.put("connector_name", book.market().connectorName());
        market.put("trading_pair", book.market().tradingPair());
        market.put("total_trades", book.trades());
        market.put("buy_volume", wire(book.buyVolume()));
        market.put("sell_volume", wire(book.sellVolume()));
        market.put("net_position", wire(book.position()));
        market.put("average_entry_price", wire(book.entryPrice()));
        market.put("last_price", wire(book.lastPrice()));
        market.put("realized_pnl_quote", wire(book.realized()));
        market.put("unrealized_pnl_quote", wire(unrealized));
        market.put("fees_quote", wire(book.fees()));
        market.put("volume_quote", wire(book.volumeQuote()));
        market.put("net_pnl_quote", wire(book.realized().add(unrealized).subtract(book.fees())));
        return market;
    }

    private static Map<String, Object> controller(ControllerFigures figures) {
        Map<String, Object> controller = new LinkedHashMap<>();
        controller.put("controller_id", figures.controllerId());
        controller.put("total_executors", figures.executors());
        controller.put("net_pnl_quote", figures.netPnlQuote());
        controller.put("cum_fees_quote", figures.cumFeesQuote());
        controller.put("filled_amount_quote", figures.filledAmountQuote());
        return controller;
    }

    private static Map<String, Object> row(Performance.Row r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("timestamp", r.timestampMs());
        row.put("price", wire(r.price()));
        row.put("amount", wire(r.amount()));
        row.put("trade_type", r.tradeType());
        row.put("trading_pair", r.tradingPair());
        row.put("connector_name", r.connectorName());
        row.put("buy_avg_price", wire(r.buyAveragePrice()));
        row.put("buy_volume", wire(r.buyVolume()));
        row.put("sell_avg_price", wire(r.sellAveragePrice()));
        row.put("sell_volume", wire(r.sellVolume()));
        row.put("net_position", wire(r.netPosition()));
        row.put("average_entry_price", wire(r.entryPrice()));
        row.put("realized_trade_pnl_pct", wire(r.realizedPnlFraction()));
        row.put("realized_trade_pnl_quote", wire(r.realizedPnlQuote()));
        row.put("unrealized_trade_pnl_pct", wire(r.unrealizedPnlFraction()));
        row.put("unrealized_trade_pnl_quote", wire(r.unrealizedPnlQuote()));
        row.put("fees_quote", wire(r.feeQuote()));
        row.put("cum_fees_quote", wire(r.cumFeesQuote()));
        row.put("net_pnl_quote", wire(r.netPnlQuote()));
        row.put("volume_quote", wire(r.volumeQuote()));
        row.put("cum_volume_quote", wire(r.cumVolumeQuote()));
        return row;
    }

    private static Map<String, Object> paged(String dbPath, String name, Page<Map<String, Object>> page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("db_path", dbPath);
        body.put(name, page.items());
        body.put("pagination", pagination(page.request(), page.total()));
        return body;
    }

    /** Executors and controllers: Hummingbot's {@code {db_path, <name>, total}} plus the page they came in. */
    private static Map<String, Object> listed(String dbPath, String name, Page<Map<String, Object>> page) {
        Map<String, Object> body = paged(dbPath, name, page);
        body.put("total", page.total());
        return body;
    }

    private static Map<String, Object> pagination(PageRequest request, long total) {
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("total", total);
        pagination.put("limit", request.limit());
        pagination.put("offset", request.offset());
        pagination.put("has_more", request.hasMore(total));
        return pagination;
    }

    private static PageRequest page(Integer limit, Long offset, int defaultLimit) {
        try {
            return new PageRequest(limit == null ? defaultLimit : limit, offset == null ? 0 : offset);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static BigDecimal wire(BigDecimal value) {
        return MarketBook.wire(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
