package io.aviary.backtesting.api;

import io.aviary.backtesting.app.BacktestTasks;
import io.aviary.backtesting.app.Backtests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code /backtesting} endpoints: ca19b95's run-backtesting and HEAD's run and tasks (api-catalog §1.10, §2.3). */
@RestController
@RequestMapping("/backtesting")
@Tag(name = "Backtesting", description = "Backtests of controller configs over stored historical candles")
public class BacktestingController {

    /** The body's optional processed_data_format, shared by the three endpoints that run a backtest. */
    static final String PROCESSED_DATA = "Body: hummingbot-api's BacktestingConfig (start_time, end_time, "
            + "backtesting_resolution, trade_cost, config) plus Aviary's optional slippage and processed_data_format. "
            + "processed_data_format chooses the answer's processed_data: \"none\" (default) = {}; \"features\" = "
            + "the controller's feature table in Hummingbot's shape {column: {\"<candle open time, epoch s>\": value}}; "
            + "\"columns\" = the same table compact, {\"timestamp\": [...], column: [...]}. Columns: timestamp, open, "
            + "high, low, close, volume and the controller's features (pandas-ta names, e.g. BBP_100_2.0, signal); "
            + "row i = what the controller had after candle i closed; warm-up values are 0 (fillna(0)). More than "
            + "BACKTEST_PROCESSED_DATA_MAX_VALUES values (candles × columns) is refused with 422.";

    private final Backtests backtests;
    private final BacktestTasks tasks;
    private final JsonMapper json;

    public BacktestingController(Backtests backtests, BacktestTasks tasks, JsonMapper json) {
        this.backtests = backtests;
        this.tasks = tasks;
        this.json = json;
    }

    @PostMapping("/run-backtesting")
    @Operation(summary = "Run a backtest and answer executors, processed_data and results (ca19b95)",
            description = PROCESSED_DATA)
    public Map<String, Object> runBacktesting(@RequestBody JsonNode body) {
        return backtests.runCompact(BacktestBody.read(body, json));
    }

    @PostMapping("/run")
    @Operation(summary = "Run a backtest and answer it with position holds and the PnL time series (HEAD)",
            description = PROCESSED_DATA)
    public Map<String, Object> run(@RequestBody JsonNode body) {
        return backtests.runFull(BacktestBody.read(body, json));
    }

    @PostMapping({"/tasks", "/tasks/"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Submit a backtest task; poll GET /backtesting/tasks/{task_id} (429 when the queue is full)",
            description = PROCESSED_DATA)
    public Map<String, Object> submit(@RequestBody JsonNode body) {
        String id = tasks.submit(BacktestBody.read(body, json));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task_id", id);
        out.put("status", "pending");
        return out;
    }

    @GetMapping({"/tasks", "/tasks/"})
    @Operation(summary = "Every kept task with status and progress, without results, newest first")
    public List<Map<String, Object>> list() {
        return tasks.list();
    }

    @GetMapping("/tasks/{task_id}")
    @Operation(summary = "One task with status, progress % and, when completed, its result")
    public Map<String, Object> get(@PathVariable("task_id") String taskId) {
        return tasks.get(taskId);
    }

    @DeleteMapping("/tasks/{task_id}")
    @Operation(summary = "Cancel a pending or running task (kept as cancelled) or remove a finished one")
    public Map<String, Object> delete(@PathVariable("task_id") String taskId) {
        String outcome = tasks.cancelOrDelete(taskId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", outcome);
        out.put("task_id", taskId);
        return out;
    }
}
