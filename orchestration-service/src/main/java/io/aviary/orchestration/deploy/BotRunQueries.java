package io.aviary.orchestration.deploy;

import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the bot runs for {@code GET /bot-orchestration/bot-runs…} (HEAD, api-catalog §2.3). */
@Service
public class BotRunQueries {

    public static final int MAX_LIMIT = 1000;

    private final BotRuns runs;

    public BotRunQueries(BotRuns runs) {
        this.runs = runs;
    }

    /** One page of runs, newest first, and how many match in all. */
    public record Page(List<BotRun> runs, long total, int limit, int offset) {
    }

    @Transactional(readOnly = true)
    public Page list(BotRuns.Filter filter, int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidRequest("offset must not be negative");
        }
        return new Page(runs.list(filter, limit, offset), runs.count(filter), limit, offset);
    }

    @Transactional(readOnly = true)
    public BotRun get(long id) {
        return runs.find(id).orElseThrow(() -> new NotFound("Bot run " + id + " not found"));
    }

    @Transactional(readOnly = true)
    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        BotRuns.Filter all = new BotRuns.Filter(null, null, null, null, null, null);
        stats.put("total_runs", runs.count(all));
        stats.putAll(runs.countsByStatus());
        return stats;
    }
}
