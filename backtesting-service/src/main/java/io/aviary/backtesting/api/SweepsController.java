package io.aviary.backtesting.api;

import io.aviary.backtesting.app.Sweeps;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /backtesting/sweeps}: parameter sweeps over a base config, ranked by a metric (docs/adr/0013-sweeps.md). */
@RestController
@RequestMapping("/backtesting/sweeps")
@Tag(name = "Backtesting", description = "Backtests of controller configs over stored historical candles")
public class SweepsController {

    private final Sweeps sweeps;
    private final JsonMapper json;

    public SweepsController(Sweeps sweeps, JsonMapper json) {
        this.sweeps = sweeps;
        this.json = json;
    }

    @PostMapping({"", "/"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Submit a grid or random sweep over config keys; poll GET /backtesting/sweeps/{sweep_id}")
    public Map<String, Object> submit(@RequestBody JsonNode body) {
        String id = sweeps.submit(SweepBody.read(body, json));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sweep_id", id);
        out.put("status", "pending");
        return out;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "Every kept sweep with status and progress, without rankings, newest first")
    public List<Map<String, Object>> list() {
        return sweeps.list();
    }

    @GetMapping("/{sweep_id}")
    @Operation(summary = "One sweep with status, progress and its best variants by rank_by")
    public Map<String, Object> get(@PathVariable("sweep_id") String sweepId,
            @RequestParam(name = "top", defaultValue = "" + Sweeps.DEFAULT_TOP) int top) {
        return sweeps.get(sweepId, top);
    }

    @GetMapping("/{sweep_id}/results/{variant}")
    @Operation(summary = "One variant's values, metrics and executors summary")
    public Map<String, Object> variant(@PathVariable("sweep_id") String sweepId, @PathVariable("variant") int variant) {
        return sweeps.variant(sweepId, variant);
    }

    @DeleteMapping("/{sweep_id}")
    @Operation(summary = "Cancel a pending or running sweep (kept as cancelled) or remove a finished one")
    public Map<String, Object> delete(@PathVariable("sweep_id") String sweepId) {
        String outcome = sweeps.cancelOrDelete(sweepId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", outcome);
        out.put("sweep_id", sweepId);
        return out;
    }
}
