package io.aviary.trading.api;

import io.aviary.execution.ExecutorTypes;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.web.JsonBody;
import io.aviary.kit.web.WireTime;
import io.aviary.trading.app.executors.ExecutorManagement;
import io.aviary.trading.app.executors.ExecutorManagement.SearchPage;
import io.aviary.trading.app.executors.ExecutorReports;
import io.aviary.trading.domain.ExecutorFilter;
import io.aviary.trading.domain.ExecutorLogEntry;
import io.aviary.trading.domain.ExecutorRow;
import io.aviary.trading.domain.PositionHold;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The twelve {@code /executors} endpoints of hummingbot-api HEAD (api-catalog §2.3), on trading sessions. */
@RestController
@RequestMapping("/executors")
@Tag(name = "Executors", description = "Run strategy executors on trading sessions; held positions")
public class ExecutorsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_CONFIG_KEYS = 100;

    private final ExecutorManagement executors;

    public ExecutorsController(ExecutorManagement executors) {
        this.executors = executors;
    }

    @PostMapping({"", "/"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create and start an executor: {account_name, controller_id, executor_config}")
    @SuppressWarnings("unchecked")
    public Map<String, Object> create(@RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json);
        String account = body.optionalString("account_name");
        String controller = body.optionalString("controller_id");
        body.validate();
        JsonNode config = json.get("executor_config");
        if (config == null || !config.isObject()) {
            throw new InvalidRequest("executor_config is required and must be an object");
        }
        if (config.size() > MAX_CONFIG_KEYS) {
            throw new InvalidRequest("executor_config has more than " + MAX_CONFIG_KEYS + " keys");
        }
        ExecutorRow row = executors.create(account, controller, JSON.convertValue(config, Map.class));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executor_id", row.executorId());
        out.put("executor_type", row.executorType());
        out.put("connector_name", row.connectorName());
        out.put("trading_pair", row.tradingPair());
        out.put("controller_id", row.controllerId());
        out.put("status", row.status());
        out.put("created_at", WireTime.iso(row.createdAt()));
        return out;
    }

    @PostMapping("/search")
    @Operation(summary = "Executors by account, connector, pair, type, status and controller; newest first, keyset pages")
    public Map<String, Object> search(@RequestBody(required = false) JsonNode json) {
        JsonBody body = JsonBody.of(json);
        int limit = body.optionalInt("limit", 100, 1, 1000);
        String cursor = body.optionalString("cursor");
        ExecutorFilter filter = new ExecutorFilter(body.stringList("account_names"), body.stringList("connector_names"),
                body.stringList("trading_pairs"), body.stringList("executor_types"), body.optionalString("status"),
                body.stringList("controller_ids"), limit, cursorTime(cursor), cursorId(cursor));
        body.validate();
        SearchPage page = executors.search(filter);
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("limit", limit);
        pagination.put("has_more", page.hasMore());
        pagination.put("next_cursor", page.nextCursor());
        pagination.put("total_count", page.total());
        return Map.of("data", page.rows().stream().map(ExecutorsController::detail).toList(), "pagination", pagination);
    }

    @GetMapping("/summary")
    @Operation(summary = "Counts and totals of the running executors")
    public Map<String, Object> summary() {
        ExecutorReports.Summary s = executors.summary();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_active", s.totalActive());
        out.put("total_pnl_quote", s.totalPnlQuote());
        out.put("total_volume_quote", s.totalVolumeQuote());
        out.put("by_type", s.byType());
        out.put("by_connector", s.byConnector());
        out.put("by_status", s.byStatus());
        return out;
    }

    @GetMapping("/performance")
    @Operation(summary = "Realized, unrealized and global PnL, win rate and Sharpe ratio, per controller or all")
    public Map<String, Object> performance(@RequestParam(value = "controller_id", required = false) String controllerId) {
        ExecutorReports.Performance p = executors.performance(controllerId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("controller_id", p.controllerId());
        out.put("total_executors", p.totalExecutors());
        out.put("by_status", p.byStatus());
        out.put("pnl_total_quote", p.pnlTotalQuote());
        out.put("unrealized_pnl_quote", p.unrealizedPnlQuote());
        out.put("global_pnl_quote", p.globalPnlQuote());
        out.put("pnl_pct_avg", p.pnlPctAvg());
        out.put("fees_total_quote", p.feesTotalQuote());
        out.put("volume_total_quote", p.volumeTotalQuote());
        out.put("win_rate", p.winRate());
        out.put("sharpe_ratio", p.sharpeRatio());
        out.put("by_type", p.byType().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("executor_type", t.executorType());
            m.put("total", t.total());
            m.put("completed", t.completed());
            m.put("running", t.running());
            m.put("pnl_quote", t.pnlQuote());
            m.put("volume_quote", t.volumeQuote());
            m.put("fees_quote", t.feesQuote());
            return m;
        }).toList());
        out.put("active_positions", p.activePositions());
        return out;
    }

    @GetMapping("/{executor_id}/logs")
    @Operation(summary = "The executor's captured log entries (stored, the last aviary.executors.log-kept), "
            + "optionally of one level; the newest `limit` of them")
    public Map<String, Object> logs(@PathVariable("executor_id") String executorId,
            @RequestParam(value = "level", required = false) String level,
            @RequestParam(value = "limit", defaultValue = "50") int limit) {
        List<ExecutorLogEntry> all = executors.logs(executorId, level(level));
        List<ExecutorLogEntry> last = limit > 0 && all.size() > limit ? all.subList(all.size() - limit, all.size()) : all;
        return Map.of("executor_id", executorId, "total_count", all.size(), "logs",
                last.stream().map(ExecutorsController::logEntry).toList());
    }

    /** The entries stored after {@code afterSeq} as {@code executor_logs} streams them, and the newest seq read. */
    record NewLogs(List<Map<String, Object>> logs, long lastSeq) {
    }

    NewLogs logsAfter(String executorId, String level, long afterSeq) {
        List<ExecutorLogEntry> fresh = executors.logsAfter(executorId, level(level), afterSeq);
        return new NewLogs(fresh.stream().map(ExecutorsController::logEntry).toList(),
                fresh.isEmpty() ? afterSeq : fresh.getLast().seq());
    }

    /** The number of entries stored for the executor (of {@code level} when given). */
    int logCount(String executorId, String level) {
        return executors.logs(executorId, level(level)).size();
    }

    /** Stored levels are upper case; any other level selects nothing, as in Hummingbot. */
    private static String level(String level) {
        return level == null || level.isBlank() ? null : level.toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> logEntry(ExecutorLogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", WireTime.iso(e.timestamp()));
        m.put("level", e.level());
        m.put("message", e.message());
        m.put("exc_info", null);
        return m;
    }

    @GetMapping("/types/available")
    @Operation(summary = "The executor types this service runs")
    public Map<String, Object> types() {
        return Map.of("executor_types", ExecutorTypes.ALL.stream()
                .map(t -> Map.of("type", t.type(), "description", t.description(), "use_case", t.useCase())).toList());
    }

    @GetMapping("/types/{executor_type}/config")
    @Operation(summary = "The config fields of one executor type")
    public Map<String, Object> typeConfig(@PathVariable("executor_type") String type) {
        ExecutorTypes.Type t = ExecutorTypes.find(type).orElseThrow(() -> new NotFound("Unknown executor type '"
                + (type.length() > 40 ? type.substring(0, 40) + "..." : type) + "'. Valid types: "
                + ExecutorTypes.ALL.stream().map(ExecutorTypes.Type::type).toList()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executor_type", t.type());
        out.put("config_class", t.configClass());
        out.put("description", t.description());
        out.put("fields", t.fields().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("required", f.required());
            m.put("type", f.type());
            m.put("description", f.description());
            m.put("default", f.defaultValue());
            return m;
        }).toList());
        out.put("nested_types", Map.of());
        return out;
    }

    @GetMapping("/{executor_id}")
    @Operation(summary = "One executor with its config and custom info")
    public Map<String, Object> get(@PathVariable("executor_id") String executorId) {
        return detail(executors.get(executorId));
    }

    @PostMapping("/{executor_id}/stop")
    @Operation(summary = "Stop a running executor; keep_position=true leaves its position as a position hold")
    public Map<String, Object> stop(@PathVariable("executor_id") String executorId,
            @RequestBody(required = false) JsonNode json) {
        JsonBody body = JsonBody.of(json);
        JsonNode keep = json == null ? null : json.get("keep_position");
        if (keep != null && !keep.isNull() && !keep.isBoolean()) {
            body.reject("keep_position", "bool_type", "Input should be a valid boolean");
        }
        body.validate();
        ExecutorManagement.Stopping s = executors.stop(executorId, keep != null && keep.asBoolean(false));
        return Map.of("executor_id", s.executorId(), "status", s.status(), "keep_position", s.keepPosition());
    }

    @GetMapping("/positions/summary")
    @Operation(summary = "Positions held by executors stopped with keep_position=true")
    public Map<String, Object> positionsSummary(
            @RequestParam(value = "controller_id", required = false) String controllerId) {
        List<PositionHold> holds = executors.holds(controllerId);
        double realized = 0;
        Double unrealized = null;
        List<Map<String, Object>> positions = new java.util.ArrayList<>();
        for (PositionHold h : holds) {
            realized += h.realizedPnlQuote().doubleValue();
            Map<String, Object> view = hold(h, executors.price(h.connectorName(), h.tradingPair()));
            if (view.get("unrealized_pnl_quote") instanceof Double u) {
                unrealized = (unrealized == null ? 0 : unrealized) + u;
            }
            positions.add(view);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_positions", holds.size());
        out.put("total_realized_pnl", realized);
        out.put("total_unrealized_pnl", unrealized);
        out.put("positions", positions);
        return out;
    }

    @GetMapping("/positions/{connector_name}/{trading_pair}")
    @Operation(summary = "The position hold of one connector and pair")
    public Map<String, Object> position(@PathVariable("connector_name") String connector,
            @PathVariable("trading_pair") String pair,
            @RequestParam(value = "account_name", defaultValue = ExecutorManagement.DEFAULT_ACCOUNT) String account,
            @RequestParam(value = "controller_id", defaultValue = "main") String controllerId) {
        return hold(executors.hold(account, connector, pair, controllerId), executors.price(connector, pair));
    }

    @DeleteMapping("/positions/{connector_name}/{trading_pair}")
    @Operation(summary = "Clear a position hold (after a manual close or full exit)")
    public Map<String, Object> clearPosition(@PathVariable("connector_name") String connector,
            @PathVariable("trading_pair") String pair,
            @RequestParam(value = "account_name", defaultValue = ExecutorManagement.DEFAULT_ACCOUNT) String account,
            @RequestParam(value = "controller_id", defaultValue = "main") String controllerId) {
        executors.clearHold(account, connector, pair, controllerId);
        return Map.of("message", "Position hold for " + connector + "/" + pair + " cleared", "connector_name",
                connector, "trading_pair", pair);
    }

    static Map<String, Object> detail(ExecutorRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("executor_id", r.executorId());
        m.put("executor_type", r.executorType());
        m.put("account_name", r.accountName());
        m.put("connector_name", r.connectorName());
        m.put("trading_pair", r.tradingPair());
        m.put("side", r.side());
        m.put("status", r.status());
        m.put("is_active", r.active());
        m.put("is_trading", r.trading());
        m.put("timestamp", r.createdAt().toEpochMilli() / 1000.0);
        m.put("created_at", WireTime.iso(r.createdAt()));
        m.put("close_type", r.closeType());
        m.put("close_timestamp", r.closedAt() == null ? null : r.closedAt().toEpochMilli() / 1000.0);
        m.put("controller_id", r.controllerId());
        m.put("net_pnl_quote", r.netPnlQuote().doubleValue());
        m.put("net_pnl_pct", r.netPnlPct().doubleValue());
        m.put("cum_fees_quote", r.cumFeesQuote().doubleValue());
        m.put("filled_amount_quote", r.filledAmountQuote().doubleValue());
        m.put("error_count", r.errorCount());
        m.put("last_error", r.lastError());
        m.put("config", r.configJson() == null ? null : JSON.readValue(r.configJson(), Map.class));
        m.put("custom_info", r.customInfoJson() == null ? null : JSON.readValue(r.customInfoJson(), Map.class));
        return m;
    }

    private static Map<String, Object> hold(PositionHold h, java.math.BigDecimal price) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trading_pair", h.tradingPair());
        m.put("connector_name", h.connectorName());
        m.put("account_name", h.accountName());
        m.put("controller_id", h.controllerId());
        m.put("buy_amount_base", h.buyAmountBase().doubleValue());
        m.put("buy_amount_quote", h.buyAmountQuote().doubleValue());
        m.put("sell_amount_base", h.sellAmountBase().doubleValue());
        m.put("sell_amount_quote", h.sellAmountQuote().doubleValue());
        m.put("net_amount_base", h.netAmountBase().doubleValue());
        m.put("buy_breakeven_price", h.buyBreakevenPrice() == null ? null : h.buyBreakevenPrice().doubleValue());
        m.put("sell_breakeven_price", h.sellBreakevenPrice() == null ? null : h.sellBreakevenPrice().doubleValue());
        m.put("matched_amount_base", h.matchedAmountBase().doubleValue());
        m.put("unmatched_amount_base", h.netAmountBase().abs().doubleValue());
        m.put("position_side", h.positionSide());
        m.put("realized_pnl_quote", h.realizedPnlQuote().doubleValue());
        m.put("cum_fees_quote", h.cumFeesQuote().doubleValue());
        java.math.BigDecimal unrealized = h.unrealizedPnl(price);
        m.put("unrealized_pnl_quote", unrealized == null ? null : unrealized.doubleValue());
        m.put("executor_count", h.executorIds().size());
        m.put("executor_ids", h.executorIds());
        m.put("last_updated", h.lastUpdated() == null ? null : WireTime.iso(h.lastUpdated()));
        return m;
    }

    /** Cursor {@code <epoch micros>:<executor id>} as {@link ExecutorRow#cursor()} writes it. */
    private static Instant cursorTime(String cursor) {
        if (cursor == null) {
            return null;
        }
        int colon = cursor.indexOf(':');
        try {
            return Instant.EPOCH.plus(Long.parseLong(cursor.substring(0, Math.max(colon, 0))),
                    java.time.temporal.ChronoUnit.MICROS);
        } catch (NumberFormatException e) {
            throw new InvalidRequest("cursor is not one this endpoint returned");
        }
    }

    private static String cursorId(String cursor) {
        return cursor == null ? null : cursor.substring(cursor.indexOf(':') + 1);
    }
}
